package org.triad.common.tls;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One check of a certificate chain against the Triad root with the leaf's OCSP status (the JDK's PKIX validator and
 * revocation checker, asking the responder the leaf names; no CRL fallback, an unreachable responder fails closed).
 * Used by the TLS trust manager and by the notification verifier.
 */
public final class CertificateStatus {

    /** What the check found. */
    public enum Outcome { GOOD, REVOKED, UNTRUSTED, UNKNOWN }

    public record Verdict(Outcome outcome, String detail) {
        public boolean good() {
            return outcome == Outcome.GOOD;
        }
    }

    private CertificateStatus() {
    }

    /**
     * @param chain   leaf first; certificates equal to an anchor are left out of the path
     * @param anchors the trusted roots
     * @param at      the validation time (validity periods and OCSP answer freshness)
     */
    public static Verdict check(List<X509Certificate> chain, Set<TrustAnchor> anchors, Date at) {
        List<X509Certificate> path = new ArrayList<>();
        for (X509Certificate c : chain) {
            if (anchors.stream().noneMatch(a -> c.equals(a.getTrustedCert()))) {
                path.add(c);
            }
        }
        try {
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            PKIXRevocationChecker ocsp = (PKIXRevocationChecker) validator.getRevocationChecker();
            ocsp.setOptions(EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY,
                    PKIXRevocationChecker.Option.NO_FALLBACK));
            PKIXParameters params = new PKIXParameters(anchors);
            params.addCertPathChecker(ocsp);
            params.setRevocationEnabled(true);
            params.setDate(at);
            validator.validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
            return new Verdict(Outcome.GOOD, null);
        } catch (CertPathValidatorException e) {
            if (e.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
                return new Verdict(Outcome.REVOKED, "certificate revoked (OCSP)");
            }
            if (e.getReason() == CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS) {
                return new Verdict(Outcome.UNKNOWN, "revocation status could not be established (" + e.getMessage() + ")");
            }
            return new Verdict(Outcome.UNTRUSTED, "not issued by the Triad CA (" + e.getMessage() + ")");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return new Verdict(Outcome.UNKNOWN, "revocation check failed (" + e.getMessage() + ")");
        }
    }
}
