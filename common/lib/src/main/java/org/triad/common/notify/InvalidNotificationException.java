package org.triad.common.notify;

/**
 * A notification the verifier refused: answer it with a non-2xx status (e.g. 400) and do not act on it. The
 * {@link #reason()} is a stable code: {@code malformed}, {@code bad-signature}, {@code untrusted-signer},
 * {@code revoked-signer}, {@code signer-status-unknown}, {@code wrong-key-usage}, {@code stale},
 * {@code event-mismatch}.
 */
public class InvalidNotificationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public InvalidNotificationException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
