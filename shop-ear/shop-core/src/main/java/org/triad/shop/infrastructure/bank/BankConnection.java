package org.triad.shop.infrastructure.bank;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Logger;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.common.tls.TriadTls;

/**
 * The shop's connection to the bank, over mutual-TLS-capable {@link TriadTls}: the bank must
 * present a certificate from the Triad CA that OCSP says is good, or the shop refuses to talk.
 */
@ApplicationScoped
public class BankConnection {

    private static final Logger LOG = Logger.getLogger(BankConnection.class.getName());

    @Inject
    @ConfigProperty(name = "triad.shop.bank-url")
    String bankUrl;

    /** Result of a round trip to the bank's health endpoint. */
    public record Status(boolean reachable, int httpStatus, String problem) {
    }

    public Status probe() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(bankUrl + "/api/v1/health"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = TriadTls.httpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return new Status(response.statusCode() == 200, response.statusCode(), null);
        } catch (SSLHandshakeException e) {
            String why = rootMessage(e);
            LOG.warning(() -> "Refused to call the bank at " + bankUrl + ": " + why);
            return new Status(false, 0, "TLS refused: " + why);
        } catch (IOException e) {
            return new Status(false, 0, "unreachable: " + rootMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Status(false, 0, "interrupted");
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
}
