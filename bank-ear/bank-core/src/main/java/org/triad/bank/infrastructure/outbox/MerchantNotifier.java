package org.triad.bank.infrastructure.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.bank.application.support.OutboxCourier;
import org.triad.bank.domain.model.outbox.DeliveryResult;
import org.triad.bank.domain.model.outbox.OutboxKind;
import org.triad.bank.domain.model.outbox.OutboxMessage;
import org.triad.common.tls.TriadTls;

/**
 * The outbox's courier for merchant notifications: POSTs the event's JSON body to the notify URL, signed afresh at
 * each attempt ({@code Triad-Signature}, plus {@code Triad-Event-Id}, {@code Triad-Event-Type} and
 * {@code Triad-Timestamp} for convenience). HTTPS goes through {@link TriadTls} (the Triad root only, the host name
 * checked, the merchant's certificate checked by OCSP); plain http is allowed only to loopback hosts, which the
 * outbox checked when the message was written. No redirects; {@code triad.bank.notify.timeout-seconds} for the
 * answer. Any 2xx is success; the answer's body is ignored.
 */
@ApplicationScoped
public class MerchantNotifier implements OutboxCourier {

    private static final HttpClient LOOPBACK_HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    NotificationSigner signer;

    @Inject
    @ConfigProperty(name = "triad.bank.notify.timeout-seconds", defaultValue = "10")
    int timeoutSeconds;

    @Override
    public OutboxKind kind() {
        return OutboxKind.MERCHANT_NOTIFICATION;
    }

    @Override
    public DeliveryResult deliver(OutboxMessage message) {
        Instant started = Instant.now();
        try {
            byte[] body = message.payload().getBytes(StandardCharsets.UTF_8);
            long timestamp = started.getEpochSecond();
            String signature = signer.sign(message.eventId(), body, timestamp);
            URI uri = URI.create(message.destination());
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(timeoutSeconds))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Triad-Bank-Notifications/1")
                    .header("Triad-Signature", signature)
                    .header("Triad-Event-Id", message.eventId())
                    .header("Triad-Event-Type", message.eventType() == null ? "" : message.eventType())
                    .header("Triad-Timestamp", String.valueOf(timestamp))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpClient client = "https".equals(uri.getScheme()) ? TriadTls.httpClient() : LOOPBACK_HTTP;
            return DeliveryResult.answered(started, client.send(request, HttpResponse.BodyHandlers.discarding())
                    .statusCode());
        } catch (IOException | RuntimeException e) {
            return DeliveryResult.failed(started, e.getCause() != null && e.getMessage() == null
                    ? e.getCause().toString() : e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.failed(started, "interrupted");
        }
    }
}
