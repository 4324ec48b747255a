package org.triad.ca.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.ca.application.CaPolicy;
import org.triad.ca.application.IssuanceService;
import org.triad.ca.application.VerificationResult;
import org.triad.ca.application.VerificationService;
import org.triad.ca.domain.model.account.CaAccount;
import org.triad.ca.domain.model.certificate.InvalidCertificateRequestException;
import org.triad.ca.interfaces.security.Callers;

/**
 * The two calls of the original brief, kept for its clients: issue by common name (the CA
 * generates the key and returns it only inside a password-encrypted PKCS#12) and "is the newest
 * certificate of this common name revoked?".
 */
@Path("")
@Tag(name = "Compatibility")
public class LegacyResource {

    @Inject
    IssuanceService issuance;

    @Inject
    VerificationService verification;

    @Inject
    CaPolicy policy;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    public record IssueByNameRequest(@JsonbProperty("common_name") String commonName, String password, String profile,
                                     @JsonbProperty("validity_days") Integer validityDays) {
    }

    public record IssueByNameResponse(String serial, @JsonbProperty("common_name") String commonName,
                                      String certificate, String chain,
                                      @JsonbProperty("not_after") Instant notAfter,
                                      @JsonbProperty("pkcs12") String pkcs12Base64) {
    }

    public record VerifyByNameRequest(@JsonbProperty("common_name") String commonName) {
    }

    public record VerifyByNameResponse(@JsonbProperty("common_name") String commonName, String serial, boolean valid,
                                       boolean revoked, List<String> reasons) {
    }

    @POST
    @Path("issue_certificate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Brief compatibility: the CA generates an EC P-256 key and returns it in a PKCS#12 "
            + "encrypted with the given password (≥ 12 characters)")
    public Response issue(IssueByNameRequest body) {
        if (policy.issuanceRequiresAuthentication()) {
            Callers.requireAny(security, CaAccount.ROLE_ENROLL, CaAccount.ROLE_ADMIN);
        }
        if (body == null) {
            throw new InvalidCertificateRequestException("A JSON body {\"common_name\", \"password\"} is required.");
        }
        IssuanceService.KeyBundle bundle = issuance.issueWithGeneratedKey(body.commonName(),
                body.profile() == null ? "tls-client" : body.profile(), body.validityDays(),
                body.password() == null ? null : body.password().toCharArray(),
                Callers.actor(security, request.getRemoteAddr()));
        return Response.status(201).header("Cache-Control", "no-store")
                .entity(new IssueByNameResponse(bundle.issued().serial(), body.commonName().trim(),
                        bundle.issued().certificatePem(), bundle.issued().chainPem(), bundle.issued().notAfter(),
                        Base64.getEncoder().encodeToString(bundle.pkcs12())))
                .build();
    }

    @POST
    @Path("verify_certificate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Brief compatibility: is the newest certificate issued to this common name revoked?")
    public VerifyByNameResponse verify(VerifyByNameRequest body) {
        VerificationResult result = verification.verifyCommonName(body == null ? null : body.commonName(),
                Callers.actor(security, request.getRemoteAddr()));
        return new VerifyByNameResponse(body.commonName().trim(), result.serial(), result.valid(), result.revoked(),
                result.reasons());
    }
}
