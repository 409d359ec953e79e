package dev.lightningdb.tck.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An entity with JSON attributes: a map (an object) and a list of strings (an array). */
@Entity
public class JsonDocument {
    @Id
    Long id;
    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> attributes;
    @JdbcTypeCode(SqlTypes.JSON)
    List<String> tags;

    @Override
    public String toString() {
        return id + " " + new java.util.TreeMap<>(attributes) + " " + tags;
    }
}
