package org.triad.ca.application;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.triad.ca.infrastructure.crypto.Pem;

/**
 * A certificate just issued, with the chain a server should send after it.
 *
 * @param privateKey only for a server-generated key (the convenience path), otherwise null
 */
public record IssuedCertificate(String serial, X509Certificate certificate, List<X509Certificate> chain,
                                Instant notAfter, PrivateKey privateKey) {

    public String certificatePem() {
        return Pem.encode(certificate);
    }

    /** Issuing CA, then root. */
    public String chainPem() {
        return Pem.encodeAll(chain);
    }
}
