package org.triad.shop.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.common.notify.InvalidNotificationException;
import org.triad.common.notify.Notification;
import org.triad.common.notify.SignedNotificationVerifier;
import org.triad.common.rest.Problem;
import org.triad.common.rest.RequestTooLargeException;
import org.triad.common.tls.TriadTls;
import org.triad.shop.application.orders.SettlementService;
import org.triad.shop.infrastructure.bank.BankPayment;

/**
 * The shop's notify URL for the bank's payment events, {@code POST /api/v1/payments/notifications}. No bearer token:
 * every request is verified with the common {@link SignedNotificationVerifier} (ES256 detached JWS over the raw
 * body, the bank's signing certificate of the Triad CA — by its CN, {@value #SIGNER_PROPERTY} — that OCSP says is
 * good, timestamp within 300 s) before anything is
 * read from it; a refused one answers 400 {@code invalid-notification} and changes nothing. An accepted event is
 * applied in one transaction ({@link SettlementService}: dropped by id when seen before, ignored when its sequence is
 * stale) and answered 200 — also for duplicates and stale events, so the bank stops retrying them.
 */
@Path("v1/payments/notifications")
@Tag(name = "Bank notifications", description = "The bank's signed payment events")
public class PaymentNotificationsResource {

    private static final Logger LOG = Logger.getLogger(PaymentNotificationsResource.class.getName());
    static final int MAX_BODY = 64 * 1024;

    private static volatile VerifierHolder holder;

    /** The signer's CN the shop accepts: the bank's notification key as {@code ./triad} provisions it. */
    static final String SIGNER_PROPERTY = "triad.shop.bank-notify-signer";
    static final String DEFAULT_SIGNER = "Triad Bank notifications";

    private record VerifierHolder(java.security.cert.X509Certificate root, String signer,
                                  SignedNotificationVerifier verifier) {
    }

    @EJB
    SettlementService settlement;

    @Context
    HttpServletRequest request;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A payment event of the bank (signed; see docs/payments.md)")
    public Response receive(InputStream body) throws IOException {
        byte[] raw = body.readNBytes(MAX_BODY + 1);
        if (raw.length > MAX_BODY) {
            throw new RequestTooLargeException(MAX_BODY);
        }
        Notification n;
        BankPayment payment;
        try {
            n = verifier().verify(raw, request::getHeader);
            payment = BankPayment.parse(n.paymentJson(), n.sequence());
        } catch (InvalidNotificationException e) {
            LOG.warning(() -> "Refused a bank notification (" + e.reason() + "): " + e.getMessage());
            return refused(e.reason(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warning(() -> "Refused a bank notification whose payment cannot be read: " + e);
            return refused("malformed", "the payment object cannot be read");
        }
        SettlementService.Outcome outcome = settlement.notified(n.id(), n.type(), payment);
        return Response.ok(Json.createObjectBuilder().add("received", n.id()).add("outcome", outcome.name()).build()
                .toString(), MediaType.APPLICATION_JSON).build();
    }

    private Response refused(String reason, String message) {
        return Response.status(400).type("application/problem+json")
                .entity(Problem.of("invalid-notification", "Invalid notification", 400,
                        "Refused (" + reason + "): " + message).withInstance(request.getRequestURI()).toJson()
                        .toString()).build();
    }

    /**
     * One verifier per Triad root (a re-provisioned truststore brings a new one), pinned to the bank's signer by name:
     * another certificate of the CA's signing profile cannot make the shop believe a payment was made.
     */
    private static SignedNotificationVerifier verifier() {
        java.security.cert.X509Certificate root = TriadTls.root();
        String signer = ConfigProvider.getConfig().getOptionalValue(SIGNER_PROPERTY, String.class).orElse(DEFAULT_SIGNER);
        VerifierHolder h = holder;
        if (h == null || !h.root().equals(root) || !h.signer().equals(signer)) {
            h = new VerifierHolder(root, signer, new SignedNotificationVerifier(root).requiringSigner(signer));
            holder = h;
        }
        return h.verifier();
    }
}
