package dev.lightningdb.tck.jpa;

import jakarta.persistence.Entity;

/** A vehicle with a table of its own, joined to VEHICLE by id. */
@Entity
public class Truck extends Vehicle {
    private int payload;

    protected Truck() {
    }

    public Truck(Long id, String owner, int wheels, int payload) {
        super(id, owner, wheels);
        this.payload = payload;
    }

    public int getPayload() {
        return payload;
    }
}
