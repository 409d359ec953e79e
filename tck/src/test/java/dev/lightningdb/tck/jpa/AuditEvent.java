package dev.lightningdb.tck.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDateTime;

/** An entity whose id is an identity column, read back after the insert. */
@Entity
public class AuditEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String message;

    private LocalDateTime happened;

    protected AuditEvent() {
    }

    public AuditEvent(String message, LocalDateTime happened) {
        this.message = message;
        this.happened = happened;
    }

    public Long getId() {
        return id;
    }

    public String getMessage() {
        return message;
    }

    public LocalDateTime getHappened() {
        return happened;
    }
}
