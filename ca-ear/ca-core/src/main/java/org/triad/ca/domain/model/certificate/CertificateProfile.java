package org.triad.ca.domain.model.certificate;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a certificate may be used for. The profile decides key usage, extended key usage, which
 * subject alternative names are kept, and the default and maximum validity.
 */
public enum CertificateProfile {
    /** A TLS server: needs at least one DNS or IP name; serverAuth. */
    TLS_SERVER("tls-server", 90, 397),
    /** A TLS client (server-to-server calls, users): needs a common name; clientAuth. */
    TLS_CLIENT("tls-client", 365, 825),
    /** Document and code signing: needs a common name; no alternative names. */
    SIGNING("signing", 365, 825);

    private final String apiName;
    private final int defaultValidityDays;
    private final int maxValidityDays;

    CertificateProfile(String apiName, int defaultValidityDays, int maxValidityDays) {
        this.apiName = apiName;
        this.defaultValidityDays = defaultValidityDays;
        this.maxValidityDays = maxValidityDays;
    }

    public String apiName() {
        return apiName;
    }

    public int defaultValidityDays() {
        return defaultValidityDays;
    }

    public int maxValidityDays() {
        return maxValidityDays;
    }

    public static Optional<CertificateProfile> fromApiName(String name) {
        return Arrays.stream(values()).filter(p -> p.apiName.equals(name)).findFirst();
    }
}
