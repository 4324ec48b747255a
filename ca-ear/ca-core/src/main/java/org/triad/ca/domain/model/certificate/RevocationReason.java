package org.triad.ca.domain.model.certificate;

import java.util.Arrays;
import java.util.Optional;

/**
 * RFC 5280 §5.3.1 CRLReason, with the names the REST API uses. {@code certificateHold} and
 * {@code removeFromCRL} are left out on purpose: revocation here is final.
 */
public enum RevocationReason {
    UNSPECIFIED("unspecified", 0),
    KEY_COMPROMISE("keyCompromise", 1),
    CA_COMPROMISE("cACompromise", 2),
    AFFILIATION_CHANGED("affiliationChanged", 3),
    SUPERSEDED("superseded", 4),
    CESSATION_OF_OPERATION("cessationOfOperation", 5),
    PRIVILEGE_WITHDRAWN("privilegeWithdrawn", 9);

    private final String apiName;
    private final int code;

    RevocationReason(String apiName, int code) {
        this.apiName = apiName;
        this.code = code;
    }

    public String apiName() {
        return apiName;
    }

    /** The CRLReason code written into CRL entries and OCSP responses. */
    public int code() {
        return code;
    }

    public static Optional<RevocationReason> fromApiName(String name) {
        return Arrays.stream(values()).filter(r -> r.apiName.equals(name)).findFirst();
    }
}
