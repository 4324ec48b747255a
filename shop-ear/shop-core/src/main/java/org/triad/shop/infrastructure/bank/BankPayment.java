package org.triad.shop.infrastructure.bank;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bank payment as the bank's payments API (or a notification's {@code payment} object) shows it: status, the
 * amounts in minor units, per payee line (by merchant order id) the amount and what was refunded of it, and the
 * payment's {@code sequence}, which rises with every change.
 */
public record BankPayment(String id, String status, long totalMinor, long refundedMinor, long sequence,
                          String cashierUrl, Instant expiresAt, Map<String, Line> lines) {

    public record Line(String cardRef, long amountMinor, long refundedMinor) {
    }

    public boolean isPaid() {
        return "PAID".equals(status) || "PARTIALLY_REFUNDED".equals(status) || "REFUNDED".equals(status);
    }

    public static BankPayment parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return of(reader.readObject());
        }
    }

    /**
     * The payment object of a notification: the bank puts its {@code sequence} on the event, not in the payment, and
     * names a payee line's card {@code payee} (the API's payment answers say {@code card_ref}).
     */
    public static BankPayment parse(String json, long eventSequence) {
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            return o.containsKey("sequence") ? of(o)
                    : of(Json.createObjectBuilder(o).add("sequence", eventSequence).build());
        }
    }

    public static BankPayment of(JsonObject o) {
        Map<String, Line> lines = new LinkedHashMap<>();
        for (JsonValue v : o.getJsonArray("payees")) {
            JsonObject p = v.asJsonObject();
            String ref = p.containsKey("card_ref") ? p.getString("card_ref", null) : p.getString("payee", null);
            lines.put(p.getString("merchant_order_id"), new Line(ref,
                    minor(p.getJsonNumber("amount")), p.containsKey("refunded") ? minor(p.getJsonNumber("refunded")) : 0));
        }
        return new BankPayment(o.getString("id"), o.getString("status"), minor(o.getJsonNumber("total")),
                o.containsKey("refunded") ? minor(o.getJsonNumber("refunded")) : 0, o.getJsonNumber("sequence").longValue(),
                o.getString("cashier_url", null),
                o.containsKey("expires_at") ? Instant.parse(o.getString("expires_at")) : null, Map.copyOf(lines));
    }

    private static long minor(JsonNumber n) {
        return n.bigDecimalValue().movePointRight(2).longValueExact();
    }

    /** Minor units as the API's JSON number (two decimals). */
    static BigDecimal amount(long minor) {
        return BigDecimal.valueOf(minor, 2);
    }
}
