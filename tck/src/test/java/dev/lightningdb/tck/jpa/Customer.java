package dev.lightningdb.tck.jpa;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;

/** A customer: sequence id, embedded address, optimistic version, one-to-many orders. */
@Entity
public class Customer {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_ids")
    @SequenceGenerator(name = "customer_ids", sequenceName = "customer_seq", allocationSize = 10)
    private Long id;

    @Column(nullable = false, length = 50, unique = true)
    private String name;

    @Embedded
    private Address address;

    @Version
    private int version;

    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<PurchaseOrder> orders = new ArrayList<>();

    protected Customer() {
    }

    public Customer(String name, Address address) {
        this.name = name;
        this.address = address;
    }

    public PurchaseOrder addOrder(PurchaseOrder order) {
        order.setCustomer(this);
        orders.add(order);
        return order;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Address getAddress() {
        return address;
    }

    public void setAddress(Address address) {
        this.address = address;
    }

    public int getVersion() {
        return version;
    }

    public List<PurchaseOrder> getOrders() {
        return orders;
    }
}
