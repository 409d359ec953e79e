package dev.lightningdb.tck.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/** The root of a joined-inheritance hierarchy: a bulk UPDATE or DELETE of it needs Hibernate's id tables. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public class Vehicle {
    @Id
    private Long id;

    private String owner;

    private int wheels;

    protected Vehicle() {
    }

    public Vehicle(Long id, String owner, int wheels) {
        this.id = id;
        this.owner = owner;
        this.wheels = wheels;
    }

    public Long getId() {
        return id;
    }

    public String getOwner() {
        return owner;
    }

    public int getWheels() {
        return wheels;
    }
}
