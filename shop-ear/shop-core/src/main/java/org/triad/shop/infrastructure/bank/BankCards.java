package org.triad.shop.infrastructure.bank;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.common.tls.TriadTls;
import org.triad.shop.application.BankCard;

/**
 * The bank's {@code GET /api/v1/me/cards} with the user's {@code cards:read} access token: each card's opaque
 * per-app {@code card_ref}, masked {@code number}, {@code nickname} and {@code status}. A card without a
 * {@code card_ref} is left out (the shop never keeps a bank-internal id or a number).
 */
@ApplicationScoped
public class BankCards {

    private static final Logger LOG = Logger.getLogger(BankCards.class.getName());

    @Inject
    @ConfigProperty(name = "triad.shop.bank-url")
    String bankUrl;

    /** @throws BankSignInException if the bank refuses the token or cannot be reached */
    public List<BankCard> list(String accessToken) throws BankSignInException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(bankUrl + "/api/v1/me/cards"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = TriadTls.httpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BankSignInException("unreachable", "The bank could not be reached.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BankSignInException("unreachable", "Interrupted.", e);
        }
        if (response.statusCode() != 200) {
            throw new BankSignInException(response.statusCode() == 403 ? "insufficient_scope" : "cards",
                    "The bank answered " + response.statusCode() + " to the card list.");
        }
        List<BankCard> cards = new ArrayList<>();
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            for (JsonValue value : reader.readArray()) {
                JsonObject card = value.asJsonObject();
                String ref = card.getString("card_ref", null);
                if (ref == null || ref.isBlank()) {
                    LOG.warning("The bank listed a card without card_ref; it cannot be bound");
                    continue;
                }
                // the bank leaves "nickname" out when a card has none (JsonObject.isNull throws for a missing key)
                String nickname = card.get("nickname") instanceof JsonString name ? name.getString() : null;
                cards.add(new BankCard(ref, card.getString("number", ""), nickname, card.getString("status", "UNKNOWN")));
            }
        } catch (JsonParsingException | ClassCastException e) {
            throw new BankSignInException("cards", "The bank's card list could not be read.", e);
        }
        return cards;
    }
}
