package org.triad.ca.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.ca.application.AuditLog;
import org.triad.ca.domain.model.audit.AuditAction;
import org.triad.ca.domain.model.audit.AuditOutcome;
import org.triad.ca.domain.model.audit.AuditQuery;
import org.triad.ca.domain.model.audit.AuditRecord;
import org.triad.ca.domain.model.audit.ChainVerification;
import org.triad.ca.interfaces.security.Callers;

/** The audit log and its integrity check (role ca-admin). */
@Path("v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    @Inject
    AuditLog audit;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    public record AuditEntry(long seq, Instant occurredAt, String actor, String action, String subject, String outcome,
                             String detail, String hash) {
        static AuditEntry of(AuditRecord r) {
            return new AuditEntry(r.seq(), r.occurredAt(), r.actor(), r.action().name(), r.subject(), r.outcome().name(),
                    r.detail(), r.hash());
        }
    }

    public record AuditPage(List<AuditEntry> items, long total, int page, int size) {
    }

    @GET
    @Operation(summary = "Audit records, newest first")
    public AuditPage list(@QueryParam("actor") String actor, @QueryParam("action") String action,
                          @QueryParam("subject") String subject, @QueryParam("page") @DefaultValue("0") int page,
                          @QueryParam("size") @DefaultValue("50") int size) {
        Callers.requireAdmin(security);
        if (page < 0 || size < 1 || size > 500) {
            throw new BadRequestException("page must be ≥ 0 and size between 1 and 500.");
        }
        AuditAction parsed = null;
        if (action != null && !action.isBlank()) {
            try {
                parsed = AuditAction.valueOf(action.trim());
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("Unknown action " + action + ".");
            }
        }
        AuditQuery query = new AuditQuery(actor, parsed, subject, null, null);
        return new AuditPage(audit.search(query, page * size, size).stream().map(AuditEntry::of).toList(),
                audit.count(query), page, size);
    }

    @GET
    @Path("verification")
    @Operation(summary = "Re-check the whole hash chain; reports edited, inserted or deleted records")
    public ChainVerification verify() {
        Callers.requireAdmin(security);
        ChainVerification result = audit.verifyChain();
        audit.recordInOwnTransaction(Callers.actor(security, request.getRemoteAddr()), AuditAction.AUDIT_VERIFIED, "audit log",
                result.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                result.recordsChecked() + " records, " + result.problems().size() + " problems");
        return result;
    }
}
