package org.triad.ca.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** One published CRL, DER-encoded as served. */
@Entity
@Table(name = "crl")
public class CrlRecord {

    @Id
    @Column(name = "crl_number")
    private long number;

    @Column(name = "this_update", nullable = false)
    private Instant thisUpdate;

    @Column(name = "next_update", nullable = false)
    private Instant nextUpdate;

    @Lob
    @Column(name = "der", nullable = false)
    private byte[] der;

    protected CrlRecord() {
    }

    public CrlRecord(long number, Instant thisUpdate, Instant nextUpdate, byte[] der) {
        this.number = number;
        this.thisUpdate = thisUpdate;
        this.nextUpdate = nextUpdate;
        this.der = der.clone();
    }

    public long number() {
        return number;
    }

    public Instant thisUpdate() {
        return thisUpdate;
    }

    public Instant nextUpdate() {
        return nextUpdate;
    }

    public byte[] der() {
        return der.clone();
    }
}
