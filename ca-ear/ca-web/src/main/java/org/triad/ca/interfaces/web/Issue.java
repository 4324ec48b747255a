package org.triad.ca.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;
import org.triad.ca.application.IssuanceService;
import org.triad.ca.application.IssuedCertificate;
import org.triad.ca.domain.model.certificate.CertificateProfile;
import org.triad.common.domain.DomainException;

/**
 * Issuing certificates from the admin UI: from an uploaded or pasted PKCS#10 CSR (the key stays
 * with the requester), or with a key generated here and handed out once as a PKCS#12 — the CA
 * keeps no copy, and neither does this screen after the download.
 */
@Named
@ViewScoped
public class Issue implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Largest CSR file accepted; a CSR is a few hundred bytes to a few KB. */
    public static final int MAX_CSR_BYTES = 16 * 1024;

    private static final String CSR_BEGIN = "-----BEGIN CERTIFICATE REQUEST-----";
    private static final String NEW_CSR_BEGIN = "-----BEGIN NEW CERTIFICATE REQUEST-----";

    @Inject
    IssuanceService issuance;

    @Inject
    SecurityContext security;

    // --- from a CSR
    private transient UploadedFile csrFile;
    private String csrPem;
    private String csrProfile = CertificateProfile.TLS_SERVER.apiName();
    private Integer csrValidityDays;
    private Result issued;

    // --- with a generated key
    private String commonName;
    private String keyProfile = CertificateProfile.TLS_CLIENT.apiName();
    private Integer keyValidityDays;
    private String password;
    private String passwordConfirmation;
    private Result generated;
    private byte[] pkcs12;

    /** What the screen shows of a certificate just issued. */
    public record Result(String serial, String subject, String notAfter, String certificatePem, String chainPem)
            implements Serializable {

        static Result of(IssuedCertificate c) {
            String subject = c.certificate().getSubjectX500Principal().getName();
            return new Result(c.serial(), subject, Display.utc(c.notAfter()), c.certificatePem(), c.chainPem());
        }
    }

    public void issueFromCsr() {
        issued = null;
        String pem;
        if (csrFile != null && csrFile.getSize() > 0) {
            if (csrFile.getSize() > MAX_CSR_BYTES) {
                Messages.error("tabs:issue-csr:csrFile", "issue.csr.rejected", "issue.csr.tooLarge", MAX_CSR_BYTES / 1024);
                return;
            }
            pem = csrText(csrFile.getContent());
            if (pem == null) {
                Messages.error("tabs:issue-csr:csrFile", "issue.csr.rejected", "issue.csr.notCsr");
                return;
            }
        } else if (csrPem != null && !csrPem.isBlank()) {
            pem = csrPem.trim();
            if (pem.length() > MAX_CSR_BYTES) {
                Messages.error("tabs:issue-csr:csrPem", "issue.csr.rejected", "issue.csr.tooLarge", MAX_CSR_BYTES / 1024);
                return;
            }
            if (!pem.contains(CSR_BEGIN) && !pem.contains(NEW_CSR_BEGIN)) {
                Messages.error("tabs:issue-csr:csrPem", "issue.csr.rejected", "issue.csr.notCsr");
                return;
            }
        } else {
            Messages.error("tabs:issue-csr:csrPem", "issue.csr.rejected", "issue.csr.missing");
            return;
        }
        try {
            IssuedCertificate c = issuance.issueFromCsr(pem, csrProfile, csrValidityDays, CurrentUser.actor(security));
            issued = Result.of(c);
            csrFile = null;
            csrPem = null;
            Messages.info("issue.done", "issue.done.detail", c.serial());
        } catch (DomainException e) {
            Messages.refused(null, "issue.csr.rejected", e);
        } catch (RuntimeException e) {
            Messages.failed("issue.csr.rejected", e);
        }
    }

    /**
     * The CSR as PEM: PEM text as it is, a DER file wrapped into PEM; null for anything that is
     * neither (the CA itself then checks structure and signature).
     */
    static String csrText(byte[] content) {
        String text = new String(content, StandardCharsets.US_ASCII);
        if (text.contains(CSR_BEGIN) || text.contains(NEW_CSR_BEGIN)) {
            return text.trim();
        }
        // DER: an ASN.1 SEQUENCE (0x30) with a long-form length, as every CSR has
        if (content.length > 64 && (content[0] & 0xff) == 0x30 && (content[1] & 0xff) >= 0x81
                && (content[1] & 0xff) <= 0x83) {
            return CSR_BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(content) + "\n"
                    + "-----END CERTIFICATE REQUEST-----\n";
        }
        return null;
    }

    public void issueWithGeneratedKey() {
        generated = null;
        pkcs12 = null;
        if (password == null || !password.equals(passwordConfirmation)) {
            Messages.error("tabs:issue-key:passwordConfirmation", "issue.key.rejected", "issue.key.passwordMismatch");
            return;
        }
        char[] secret = password.toCharArray();
        password = null;
        passwordConfirmation = null;
        try {
            IssuanceService.KeyBundle bundle = issuance.issueWithGeneratedKey(commonName, keyProfile, keyValidityDays,
                    secret, CurrentUser.actor(security));
            generated = Result.of(bundle.issued());
            pkcs12 = bundle.pkcs12();
            Messages.info("issue.done", "issue.key.done.detail", bundle.issued().serial());
        } catch (DomainException e) {
            Messages.refused(null, "issue.key.rejected", e);
        } catch (RuntimeException e) {
            Messages.failed("issue.key.rejected", e);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** The PKCS#12, once: the bytes are dropped as soon as the download starts. */
    public StreamedContent getPkcs12Download() {
        byte[] bytes = pkcs12;
        pkcs12 = null;
        if (bytes == null) {
            Messages.warn("issue.key.gone", "issue.key.gone.detail");
            return null;
        }
        String name = (generated == null ? "certificate" : generated.serial()) + ".p12";
        return DefaultStreamedContent.builder().name(name).contentType("application/x-pkcs12")
                .contentLength((long) bytes.length).stream(() -> new ByteArrayInputStream(bytes)).build();
    }

    public boolean isPkcs12Available() {
        return pkcs12 != null;
    }

    public void startOver() {
        issued = null;
        generated = null;
        pkcs12 = null;
    }

    public List<String> getProfiles() {
        return Arrays.stream(CertificateProfile.values()).map(CertificateProfile::apiName).toList();
    }

    public int getMinPasswordLength() {
        return IssuanceService.MIN_PKCS12_PASSWORD;
    }

    public int getMaxCsrKilobytes() {
        return MAX_CSR_BYTES / 1024;
    }

    public UploadedFile getCsrFile() {
        return csrFile;
    }

    public void setCsrFile(UploadedFile csrFile) {
        this.csrFile = csrFile;
    }

    public String getCsrPem() {
        return csrPem;
    }

    public void setCsrPem(String csrPem) {
        this.csrPem = csrPem;
    }

    public String getCsrProfile() {
        return csrProfile;
    }

    public void setCsrProfile(String csrProfile) {
        this.csrProfile = csrProfile;
    }

    public Integer getCsrValidityDays() {
        return csrValidityDays;
    }

    public void setCsrValidityDays(Integer csrValidityDays) {
        this.csrValidityDays = csrValidityDays;
    }

    public Result getIssued() {
        return issued;
    }

    public String getCommonName() {
        return commonName;
    }

    public void setCommonName(String commonName) {
        this.commonName = commonName;
    }

    public String getKeyProfile() {
        return keyProfile;
    }

    public void setKeyProfile(String keyProfile) {
        this.keyProfile = keyProfile;
    }

    public Integer getKeyValidityDays() {
        return keyValidityDays;
    }

    public void setKeyValidityDays(Integer keyValidityDays) {
        this.keyValidityDays = keyValidityDays;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordConfirmation() {
        return passwordConfirmation;
    }

    public void setPasswordConfirmation(String passwordConfirmation) {
        this.passwordConfirmation = passwordConfirmation;
    }

    public Result getGenerated() {
        return generated;
    }
}
