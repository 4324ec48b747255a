package org.triad.common.domain;

import jakarta.ejb.ApplicationException;

/**
 * Base of every business rule violation. Thrown from an application service it rolls the JTA
 * transaction back and reaches the client unwrapped (no {@code EJBException}); the REST layer turns
 * it into an RFC 9457 problem with the {@link #problemType() type} and {@link #status() status} it
 * declares.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected DomainException(String message) {
        super(message);
    }

    protected DomainException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Stable, short problem type such as {@code insufficient-funds}; becomes part of the type URI. */
    public abstract String problemType();

    /** HTTP status that best describes the violation (400, 404, 409, 422, ...). */
    public abstract int status();

    /**
     * Seconds after which a retry may succeed, sent as {@code Retry-After} (0, the default: no header). For refusals
     * that pass with time: a request still in progress, a cooling-off period.
     */
    public long retryAfterSeconds() {
        return 0;
    }

    /** Short human-readable summary of the problem type; the message carries the details. */
    public String title() {
        return problemType().replace('-', ' ');
    }
}
