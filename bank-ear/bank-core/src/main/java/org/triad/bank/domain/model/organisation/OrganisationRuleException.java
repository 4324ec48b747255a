package org.triad.bank.domain.model.organisation;

import org.triad.common.domain.DomainException;

/**
 * A rule of the organisation aggregate was broken (invalid registration number, duplicate, department cycle, last
 * administrator, not approved yet, bad document, ...). Carries its own problem type and status. Rolls the
 * transaction back.
 */
public class OrganisationRuleException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final String problemType;
    private final int status;

    public OrganisationRuleException(String problemType, int status, String message) {
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
