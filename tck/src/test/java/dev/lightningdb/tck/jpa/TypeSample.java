package dev.lightningdb.tck.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.UUID;

/** One attribute of each basic type Hibernate maps, to check the dialect's type mapping both ways. */
@Entity
public class TypeSample {
    public enum Colour { RED, GREEN, BLUE }

    @Id
    @GeneratedValue
    Long id;
    boolean flag;
    byte tiny;
    short small;
    int number;
    long big;
    float single;
    double dbl;
    @Column(precision = 18, scale = 4)
    BigDecimal money;
    @Column(length = 30)
    String label;
    LocalDate birthDay;
    LocalTime alarm;
    LocalDateTime moment;
    Instant instant;
    UUID token;
    @Column(length = 16)
    byte[] bytes;
    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    Colour colourName;
    @Enumerated(EnumType.ORDINAL)
    Colour colourOrdinal;
    @Lob
    String longText;
    @Lob
    byte[] payload;

    @Override
    public String toString() {
        return "flag=" + flag + " tiny=" + tiny + " small=" + small + " number=" + number + " big=" + big + " single=" + single
                + " dbl=" + dbl + " money=" + (money == null ? null : money.toPlainString()) + " label=" + label + " birthDay=" + birthDay
                + " alarm=" + alarm + " moment=" + moment + " instant=" + instant + " token=" + token + " bytes=" + Arrays.toString(bytes)
                + " colourName=" + colourName + " colourOrdinal=" + colourOrdinal + " longText=" + longText + " payload="
                + Arrays.toString(payload);
    }
}
