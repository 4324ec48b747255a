package org.triad.bank.domain.model.organisation;

import org.triad.common.domain.RuleException;

/**
 * A rule of the organisation aggregate was broken (invalid registration number, duplicate, department cycle, last
 * administrator, not approved yet, bad document, ...). Carries its own problem type and status. Rolls the
 * transaction back.
 */
public class OrganisationRuleException extends RuleException {

    private static final long serialVersionUID = 1L;

    public OrganisationRuleException(String problemType, int status, String message) {
        super(problemType, status, message);
    }
}
