package dev.lightningdb.tck.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An embedded value: its fields are columns of the owner's table. */
@Embeddable
public class Address {
    @Column(length = 60)
    private String street;
    @Column(length = 40)
    private String city;
    @Column(length = 10)
    private String zip;

    protected Address() {
    }

    public Address(String street, String city, String zip) {
        this.street = street;
        this.city = city;
        this.zip = zip;
    }

    public String getStreet() {
        return street;
    }

    public String getCity() {
        return city;
    }

    public String getZip() {
        return zip;
    }
}
