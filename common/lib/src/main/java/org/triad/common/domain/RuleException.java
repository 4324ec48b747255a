package org.triad.common.domain;

/**
 * A rule violation that names its problem type and status where it is thrown, for aggregates with many small rules
 * (organisations, passkeys) that would otherwise need one exception class per rule. Rolls the transaction back like
 * every {@link DomainException}.
 */
public abstract class RuleException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final String problemType;
    private final int status;

    protected RuleException(String problemType, int status, String message) {
        super(message);
        this.problemType = problemType;
        this.status = status;
    }

    @Override
    public String problemType() {
        return problemType;
    }

    @Override
    public int status() {
        return status;
    }
}
