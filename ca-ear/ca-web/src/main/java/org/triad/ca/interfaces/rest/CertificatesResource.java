package org.triad.ca.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.ca.application.CaPolicy;
import org.triad.ca.application.CertificateQueries;
import org.triad.ca.application.IssuanceService;
import org.triad.ca.application.IssuedCertificate;
import org.triad.ca.application.RevocationService;
import org.triad.ca.domain.model.account.CaAccount;
import org.triad.ca.domain.model.certificate.CertificateQuery;
import org.triad.ca.domain.model.certificate.CertificateRecord;
import org.triad.ca.domain.model.certificate.InvalidCertificateRequestException;
import org.triad.ca.infrastructure.crypto.Pem;
import org.triad.ca.interfaces.rest.CertificateDtos.CertificatePage;
import org.triad.ca.interfaces.rest.CertificateDtos.CertificateView;
import org.triad.ca.interfaces.rest.CertificateDtos.IssueRequest;
import org.triad.ca.interfaces.rest.CertificateDtos.IssueResponse;
import org.triad.ca.interfaces.rest.CertificateDtos.RevokeRequest;
import org.triad.ca.interfaces.security.Callers;

/** Issue from a CSR, search, look up and revoke certificates. */
@Path("v1/certificates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Certificates")
public class CertificatesResource {

    @Inject
    IssuanceService issuance;

    @Inject
    RevocationService revocation;

    @Inject
    CertificateQueries queries;

    @Inject
    CaPolicy policy;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a certificate from a PKCS#10 CSR (role ca-enroll or ca-admin)")
    public Response issue(IssueRequest body, @Context UriInfo uri) {
        if (policy.issuanceRequiresAuthentication()) {
            Callers.requireAny(security, CaAccount.ROLE_ENROLL, CaAccount.ROLE_ADMIN);
        }
        if (body == null) {
            throw new InvalidCertificateRequestException("A JSON body {\"csr\", \"profile\", \"validityDays\"} is required.");
        }
        IssuedCertificate issued = issuance.issueFromCsr(body.csr(), body.profile(), body.validityDays(), actor());
        return Response.created(uri.getAbsolutePathBuilder().path(issued.serial()).build())
                .entity(new IssueResponse(issued.serial(), issued.certificatePem(), issued.chainPem(), issued.notAfter()))
                .build();
    }

    @GET
    @Operation(summary = "Search certificates by common name, status (ISSUED, REVOKED, EXPIRED) and expiry window")
    public CertificatePage search(@QueryParam("cn") String cn, @QueryParam("status") String status,
                                  @QueryParam("expiringWithinDays") Integer expiringWithinDays,
                                  @QueryParam("profile") String profile,
                                  @QueryParam("page") @DefaultValue("0") int page,
                                  @QueryParam("size") @DefaultValue("20") int size) {
        if (page < 0 || size < 1 || size > CertificateQueries.MAX_PAGE_SIZE) {
            throw new BadRequestException("page must be ≥ 0 and size between 1 and " + CertificateQueries.MAX_PAGE_SIZE + ".");
        }
        if (status != null && !status.isBlank() && !status.trim().toUpperCase().matches("ISSUED|REVOKED|EXPIRED")) {
            throw new BadRequestException("status must be ISSUED, REVOKED or EXPIRED.");
        }
        if (expiringWithinDays != null && (expiringWithinDays < 0 || expiringWithinDays > 3650)) {
            throw new BadRequestException("expiringWithinDays must be between 0 and 3650.");
        }
        Instant now = Instant.now();
        Instant expiring = expiringWithinDays == null ? null : now.plus(Duration.ofDays(expiringWithinDays));
        CertificateQueries.Page result = queries.search(new CertificateQuery(cn, status, expiring, profile, now), page, size);
        return new CertificatePage(result.items().stream().map(r -> CertificateView.of(r, now, false)).toList(),
                result.total(), result.page(), result.size());
    }

    @GET
    @Path("{serial}")
    @Operation(summary = "One certificate, with its PEM")
    public CertificateView get(@PathParam("serial") String serial) {
        return CertificateView.of(queries.get(serial), Instant.now(), true);
    }

    @GET
    @Path("{serial}/pem")
    @Produces("application/pem-certificate-chain")
    @Operation(summary = "The certificate followed by its chain, as PEM")
    public Response pem(@PathParam("serial") String serial) {
        CertificateRecord record = queries.get(serial);
        return Response.ok(Pem.encode(Pem.fromDer(record.der())) + queries.chainPem())
                .header("Content-Disposition", "attachment; filename=\"" + record.serial() + ".pem\"").build();
    }

    @POST
    @Path("{serial}/renewal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Renew a certificate with a new CSR for exactly the same names (role ca-enroll or ca-admin)")
    public Response renew(@PathParam("serial") String serial, CertificateDtos.RenewRequest body, @Context UriInfo uri) {
        Callers.requireAny(security, CaAccount.ROLE_ENROLL, CaAccount.ROLE_ADMIN);
        if (body == null) {
            throw new InvalidCertificateRequestException("A JSON body {\"csr\", \"validityDays\", \"revokePrevious\"} is required.");
        }
        IssuedCertificate issued = issuance.renew(serial, body.csr(), body.validityDays(),
                Boolean.TRUE.equals(body.revokePrevious()), actor());
        return Response.created(uri.getBaseUriBuilder().path("v1/certificates").path(issued.serial()).build())
                .entity(new IssueResponse(issued.serial(), issued.certificatePem(), issued.chainPem(), issued.notAfter()))
                .build();
    }

    @POST
    @Path("{serial}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revoke a certificate with an RFC 5280 reason (role ca-admin)")
    public CertificateView revoke(@PathParam("serial") String serial, RevokeRequest body) {
        try {
            Callers.requireAdmin(security);
        } catch (RuntimeException e) {
            revocation.recordDenied(serial, actor());
            throw e;
        }
        CertificateRecord revoked = revocation.revoke(serial, body == null ? null : body.reason(), actor());
        return CertificateView.of(revoked, Instant.now(), false);
    }

    private String actor() {
        return Callers.actor(security, request.getRemoteAddr());
    }
}
