package org.triad.ca.domain.model.certificate;

import org.triad.common.domain.DomainException;

/** The operation is switched off by configuration. Rolls the transaction back. */
public class FeatureDisabledException extends DomainException {

    private static final long serialVersionUID = 1L;

    public FeatureDisabledException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "feature-disabled";
    }

    @Override
    public int status() {
        return 403;
    }
}
