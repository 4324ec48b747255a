package org.triad.bank.application.support;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.triad.bank.domain.model.outbox.OutboxKind;
import org.triad.bank.domain.model.outbox.OutboxMessage;
import org.triad.bank.domain.model.outbox.OutboxRepository;
import org.triad.bank.domain.model.shared.InvalidInputException;

/**
 * The durable outbox, for everything the bank sends after a commit. Every method joins the caller's transaction
 * ({@link TransactionAttributeType#MANDATORY}: without one it throws {@code EJBTransactionRequiredException}) and
 * writes one row there, so a rollback leaves none and a commit always has one. Once the transaction has committed,
 * the {@link OutboxRelay} is asked to deliver the row at once; its timer finds the rows that a crash or a failed
 * attempt left behind. Delivery is at least once: receivers drop duplicates by event id.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Outbox {

    private static final Duration FIRST_MAIL_WAIT = Duration.ofSeconds(12);

    @Inject
    OutboxRepository messages;

    @Inject
    OutboxSettings settings;

    @EJB
    OutboxRelay relay;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedExecutorService executor;

    /**
     * A merchant notification: {@code jsonBody} (UTF-8) POSTed to {@code notifyUrl} over Triad TLS, signed at each
     * attempt ({@code Triad-Signature}, a detached ES256 JWS; see docs/payments.md), retried on the merchant schedule
     * until a 2xx answer.
     *
     * @param eventId unique across all notifications (a second row with the same id is refused by the database)
     * @param type    e.g. {@code payment.paid}; shown in the back office
     * @return the outbox id
     * @throws InvalidInputException if the URL is not https (http only to a loopback host) or an argument is missing
     */
    public long merchantNotification(String notifyUrl, String eventId, String type, String jsonBody) {
        checkUrl(notifyUrl);
        if (eventId == null || eventId.isBlank() || eventId.length() > 100 || jsonBody == null) {
            throw new InvalidInputException("A merchant notification needs an event id (at most 100 characters) and a body.");
        }
        return write(new OutboxMessage(OutboxKind.MERCHANT_NOTIFICATION, notifyUrl, eventId, type, jsonBody,
                Instant.now(), settings.schedule(OutboxKind.MERCHANT_NOTIFICATION).first()));
    }

    /** Mail as {@link MailMessage} describes it, but durable: retried on the mail schedule until the SMTP server takes it. */
    public long mail(MailMessage message) {
        String payload = Json.createObjectBuilder().add("subject", message.subject()).add("body", message.body())
                .build().toString();
        String subject = message.subject().length() <= 64 ? message.subject() : message.subject().substring(0, 64);
        return write(new OutboxMessage(OutboxKind.MAIL, message.to(), null, subject, payload, Instant.now(),
                settings.schedule(OutboxKind.MAIL).first()));
    }

    /**
     * A back-channel logout token ({@code logout_token=<token>}, form-encoded) POSTed to an app's back-channel
     * logout URL, on the back-channel schedule (by default now, +5 s, +30 s: the token is valid for two minutes).
     */
    public long backchannelLogout(String logoutUri, String clientId, String logoutToken) {
        return write(new OutboxMessage(OutboxKind.BACKCHANNEL_LOGOUT, logoutUri, null, clientId, logoutToken,
                Instant.now(), settings.schedule(OutboxKind.BACKCHANNEL_LOGOUT).first()));
    }

    private long write(OutboxMessage message) {
        messages.add(message);
        long id = message.id();
        // a mail is attempted before the committing call returns, as when it was sent right after the commit: the
        // screen that says "we sent you a code" can rely on it having been handed to the SMTP server; the other
        // kinds go to another thread at once and never hold up the caller
        boolean awaitFirstAttempt = message.kind() == OutboxKind.MAIL;
        if (message.nextAttemptAt() != null && !message.nextAttemptAt().isAfter(message.createdAt())) {
            // kicked from the committing thread's afterCompletion: the attempt itself runs on another thread, in
            // transactions of its own
            AfterCommit.run(transactions, () -> {
                try {
                    Future<?> attempt = executor.submit(() -> relay.attempt(id));
                    if (awaitFirstAttempt) {
                        attempt.get(FIRST_MAIL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException | ExecutionException | TimeoutException e) {
                    // the relay's timer will find it
                }
            });
        }
        return id;
    }

    /** The notify URL rule of merchant profiles: https, or http to a loopback host (development, tests). */
    static void checkUrl(String url) {
        URI uri;
        try {
            uri = url == null ? null : new URI(url);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || uri.getFragment() != null
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && loopback(uri.getHost()))) {
            throw new InvalidInputException("A notify URL must be https (http only for localhost).");
        }
    }

    private static boolean loopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }
}
