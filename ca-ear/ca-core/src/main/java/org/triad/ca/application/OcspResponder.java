package org.triad.ca.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.logging.Logger;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.ca.domain.model.certificate.CertificateRecord;
import org.triad.ca.domain.model.certificate.CertificateRepository;
import org.triad.ca.infrastructure.crypto.CaHierarchy;
import org.triad.ca.infrastructure.crypto.CaKeys;

/**
 * RFC 6960 OCSP responder for certificates of the issuing CA. Responses are signed by the
 * issuing CA itself (no delegated responder), carry the request's nonce, and say good, revoked
 * (with time and reason) or unknown. A request only about other CAs' certificates is
 * "unauthorized"; an unreadable one "malformedRequest".
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class OcspResponder {

    private static final Logger LOG = Logger.getLogger(OcspResponder.class.getName());

    /** Requests asking about more certificates than this are refused as malformed. */
    public static final int MAX_REQUESTS = 32;

    @Inject
    CaHierarchy ca;

    @Inject
    CertificateRepository certificates;

    @Inject
    @ConfigProperty(name = "triad.ca.ocsp.validity-minutes", defaultValue = "60")
    int validityMinutes;

    public byte[] respond(byte[] requestDer) {
        try {
            OCSPReq request;
            try {
                request = new OCSPReq(requestDer);
            } catch (IOException | RuntimeException e) {
                return status(OCSPRespBuilder.MALFORMED_REQUEST);
            }
            Req[] items = request.getRequestList();
            if (items.length == 0 || items.length > MAX_REQUESTS) {
                return status(OCSPRespBuilder.MALFORMED_REQUEST);
            }
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().setProvider(CaKeys.BC).build();
            X509CertificateHolder issuer = new JcaX509CertificateHolder(ca.issuing());
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(
                    SubjectPublicKeyInfo.getInstance(ca.issuing().getPublicKey().getEncoded()),
                    digests.get(CertificateID.HASH_SHA1));
            Instant now = Instant.now();
            Date thisUpdate = Date.from(now);
            Date nextUpdate = Date.from(now.plus(Duration.ofMinutes(validityMinutes)));
            boolean anyOurs = false;
            for (Req item : items) {
                CertificateID id = item.getCertID();
                if (!matches(id, issuer, digests)) {
                    builder.addResponse(id, new UnknownStatus(), thisUpdate, nextUpdate, null);
                    continue;
                }
                anyOurs = true;
                Optional<CertificateRecord> record = certificates.find(CaKeys.hex(id.getSerialNumber()));
                CertificateStatus status;
                if (record.isEmpty()) {
                    status = new UnknownStatus();
                } else if (record.get().isRevoked()) {
                    status = new RevokedStatus(Date.from(record.get().revokedAt()),
                            record.get().revocationReason().code());
                } else {
                    status = CertificateStatus.GOOD;
                }
                builder.addResponse(id, status, thisUpdate, nextUpdate, null);
            }
            if (!anyOurs) {
                return status(OCSPRespBuilder.UNAUTHORIZED);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            var basic = builder.build(ca.issuingSigner(), null, thisUpdate);
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (OCSPException | OperatorCreationException | CertificateEncodingException | IOException e) {
            LOG.warning("OCSP response could not be built: " + e);
            return status(OCSPRespBuilder.INTERNAL_ERROR);
        }
    }

    private static boolean matches(CertificateID id, X509CertificateHolder issuer, DigestCalculatorProvider digests) {
        try {
            return id.matchesIssuer(issuer, digests);
        } catch (OCSPException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] status(int code) {
        try {
            return new OCSPRespBuilder().build(code, null).getEncoded();
        } catch (OCSPException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
