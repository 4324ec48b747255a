package org.triad.ca.domain.model.certificate;

import java.time.Instant;
import org.triad.common.domain.DomainException;

/** The certificate was revoked before; the first revocation stands. Rolls the transaction back. */
public class AlreadyRevokedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public AlreadyRevokedException(String serial, Instant revokedAt) {
        super("Certificate " + serial + " was already revoked at " + revokedAt);
    }

    @Override
    public String problemType() {
        return "already-revoked";
    }

    @Override
    public int status() {
        return 409;
    }
}
