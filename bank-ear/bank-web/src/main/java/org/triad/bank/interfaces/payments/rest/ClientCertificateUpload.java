package org.triad.bank.interfaces.payments.rest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.triad.bank.domain.model.payment.PaymentRuleException;

/**
 * A merchant's client certificate given as PEM (API or console): only its subject DN is kept, since the certificate
 * itself is replaced at each renewal. It must be a client certificate (extended key usage clientAuth); that it comes
 * from the Triad CA and is not revoked is checked on every connection that presents it.
 */
public final class ClientCertificateUpload {

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private ClientCertificateUpload() {
    }

    /** The RFC 2253 subject of the PEM certificate. */
    public static String subjectOf(String pem) {
        if (pem.length() > 20_000) {
            throw invalid("The certificate is too large.");
        }
        X509Certificate certificate;
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw invalid("This is not a PEM certificate.");
        }
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            if (usages == null || !usages.contains(CLIENT_AUTH)) {
                throw invalid("This is not a client certificate (tls-client profile of the Triad CA).");
            }
        } catch (java.security.cert.CertificateParsingException e) {
            throw invalid("The certificate cannot be read.");
        }
        return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
    }

    private static PaymentRuleException invalid(String message) {
        return new PaymentRuleException("invalid-client-certificate", 422, message);
    }
}
