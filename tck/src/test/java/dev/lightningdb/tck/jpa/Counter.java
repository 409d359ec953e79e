package dev.lightningdb.tck.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A counter for the pessimistic locking tests: an assigned id, a total and the worker that claimed
 * it (for the job queue). Deliberately no {@code @Version}: nothing but the row lock stands between
 * two read-modify-write transactions, so a lost update would show in the total.
 */
@Entity
public class Counter {
    @Id
    private Long id;

    @Column(nullable = false)
    private long total;

    @Column(length = 20)
    private String claimedBy;

    protected Counter() {
    }

    public Counter(Long id) {
        this.id = id;
    }

    public Long getId() {
        return id;
    }

    public long getTotal() {
        return total;
    }

    public void increment() {
        total++;
    }

    public String getClaimedBy() {
        return claimedBy;
    }

    public void setClaimedBy(String claimedBy) {
        this.claimedBy = claimedBy;
    }
}
