package org.triad.bank.domain.model.login;

import org.triad.common.domain.DomainException;

/**
 * A QR login scene that cannot be used: unknown, expired, rejected, already used, not confirmed yet, or presented
 * by a browser other than the one that created it. Rolls the transaction back.
 */
public class QrSceneException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public QrSceneException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** {@code not-found}, {@code expired}, {@code rejected}, {@code used}, {@code not-confirmed}, {@code decided}. */
    public String reason() {
        return reason;
    }

    @Override
    public String problemType() {
        return "qr-scene-" + reason;
    }

    @Override
    public int status() {
        return "not-found".equals(reason) ? 404 : 409;
    }
}
