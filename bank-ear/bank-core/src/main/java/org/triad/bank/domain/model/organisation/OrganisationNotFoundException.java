package org.triad.bank.domain.model.organisation;

import org.triad.common.domain.DomainException;

/**
 * No such organisation, department, member, document or invitation <em>for this caller</em>: another
 * organisation's data is answered exactly like missing data, so nobody learns that it exists. Rolls the
 * transaction back.
 */
public class OrganisationNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final String problemType;

    public OrganisationNotFoundException(String problemType, String message) {
        super(message);
        this.problemType = problemType;
    }

    public static OrganisationNotFoundException organisation() {
        return new OrganisationNotFoundException("organisation-not-found", "No such organisation.");
    }

    @Override
    public String problemType() {
        return problemType;
    }

    @Override
    public int status() {
        return 404;
    }
}
