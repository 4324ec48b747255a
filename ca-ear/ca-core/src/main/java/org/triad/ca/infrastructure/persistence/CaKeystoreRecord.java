package org.triad.ca.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** The encrypted PKCS#12 that holds the CA keys (see {@code CaHierarchy}). */
@Entity
@Table(name = "ca_keystore")
public class CaKeystoreRecord {

    @Id
    @Column(name = "name")
    private String name;

    @Column(name = "key_algorithm", nullable = false)
    private String keyAlgorithm;

    @Lob
    @Column(name = "pkcs12", nullable = false)
    private byte[] pkcs12;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CaKeystoreRecord() {
    }

    public CaKeystoreRecord(String name, String keyAlgorithm, byte[] pkcs12, Instant createdAt) {
        this.name = name;
        this.keyAlgorithm = keyAlgorithm;
        this.pkcs12 = pkcs12.clone();
        this.createdAt = createdAt;
    }

    public byte[] pkcs12() {
        return pkcs12.clone();
    }

    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
