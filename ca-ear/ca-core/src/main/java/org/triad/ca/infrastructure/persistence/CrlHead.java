package org.triad.ca.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last CRL number; locked while a CRL is built so numbers never repeat. */
@Entity
@Table(name = "crl_head")
public class CrlHead {

    public static final int ID = 1;

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "last_number", nullable = false)
    private long lastNumber;

    protected CrlHead() {
    }

    public long next() {
        return ++lastNumber;
    }
}
