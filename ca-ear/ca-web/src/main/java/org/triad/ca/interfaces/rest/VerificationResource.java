package org.triad.ca.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.ca.application.VerificationResult;
import org.triad.ca.application.VerificationService;
import org.triad.ca.interfaces.rest.CertificateDtos.VerifyRequest;
import org.triad.ca.interfaces.security.Callers;

/** "Can I trust this certificate?" for relying parties. */
@Path("v1/verify")
@Tag(name = "Verification")
public class VerificationResource {

    @Inject
    VerificationService verification;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check chain to the Triad root, validity window and revocation of a PEM certificate")
    public VerificationResult verify(VerifyRequest body) {
        return verification.verify(body == null ? null : body.certificate(),
                Callers.actor(security, request.getRemoteAddr()));
    }
}
