package org.triad.bank.interfaces.payments.rest;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.triad.bank.application.payments.NewPayment;
import org.triad.bank.application.payments.PaymentView;
import org.triad.bank.application.payments.RefundView;
import org.triad.bank.domain.model.money.InvalidAmountException;
import org.triad.bank.domain.model.money.Money;
import org.triad.bank.domain.model.payment.PaymentRuleException;
import org.triad.common.rest.StrictJson;

/**
 * The payments API's JSON (snake_case, amounts as JSON numbers with at most two decimals), read and written with
 * JSON-P so that a malformed or mistyped field is refused with a clear message instead of being read as null.
 */
final class PaymentJson {

    private PaymentJson() {
    }

    static JsonObject parse(String body) {
        if (body == null || body.isBlank()) {
            throw PaymentRuleException.invalid("A JSON request body is required.");
        }
        try {
            checkAmountTexts(body);
            return StrictJson.parse(body).asJsonObject();
        } catch (JsonParsingException | ClassCastException | IllegalStateException e) {
            throw new PaymentRuleException("malformed-json", 400, "The request body is not a JSON object.");
        } catch (jakarta.json.JsonException e) {
            throw new PaymentRuleException("malformed-json", 400, "The request body is not a JSON object.");
        }
    }

    /**
     * Reads the money fields ({@code total}, {@code payees[].amount}, {@code lines[].amount}) as the client wrote
     * them, before the reader turns numbers into {@code BigDecimal}s (which would read {@code 1e-2} as 0.01 and
     * {@code 3.0E1} as 30): each must be a plain decimal for {@link Money#parse(String)}.
     */
    private static void checkAmountTexts(String body) {
        try (JsonParser parser = Json.createParser(new StringReader(body))) {
            List<String> containers = new ArrayList<>();
            String key = null;
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case KEY_NAME -> key = parser.getString();
                    case START_OBJECT, START_ARRAY -> {
                        containers.add(key == null ? "[]" : key);
                        key = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        containers.remove(containers.size() - 1);
                        key = null;
                    }
                    case VALUE_NUMBER -> {
                        if (isMoneyField(containers, key)) {
                            amountText(parser.getString(), key);
                        }
                        key = null;
                    }
                    default -> key = null;
                }
            }
        }
    }

    private static boolean isMoneyField(List<String> containers, String key) {
        return ("total".equals(key) && containers.size() == 1)
                || ("amount".equals(key) && containers.size() == 3
                        && ("payees".equals(containers.get(1)) || "lines".equals(containers.get(1))));
    }

    private static void amountText(String text, String name) {
        try {
            Money.parse(text);
        } catch (InvalidAmountException e) {
            throw new PaymentRuleException("invalid-amount", 422, name + ": " + e.getMessage());
        }
    }

    static NewPayment newPayment(JsonObject o) {
        JsonArray payees = o.containsKey("payees") && o.get("payees").getValueType() == JsonValue.ValueType.ARRAY
                ? o.getJsonArray("payees") : null;
        if (payees == null) {
            throw PaymentRuleException.invalid("payees is a list of 1 to 20 payees.");
        }
        List<NewPayment.Payee> list = new ArrayList<>();
        for (JsonValue v : payees) {
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw PaymentRuleException.invalid("Each payee is a JSON object.");
            }
            JsonObject p = v.asJsonObject();
            String ref = string(p, "card_ref");
            list.add(new NewPayment.Payee(ref == null ? "settlement" : ref, amount(p, "amount"),
                    string(p, "merchant_order_id"), string(p, "description")));
        }
        JsonValue metadata = o.get("metadata");
        String meta = metadata == null || metadata.getValueType() == JsonValue.ValueType.NULL ? null
                : metadata.toString();
        Long expiresIn = null;
        if (o.containsKey("expires_in") && o.get("expires_in").getValueType() != JsonValue.ValueType.NULL) {
            if (!(o.get("expires_in") instanceof JsonNumber n) || !n.isIntegral()) {
                throw PaymentRuleException.invalid("expires_in is a whole number of seconds.");
            }
            expiresIn = n.longValue();
        }
        return new NewPayment(string(o, "buyer"), list, amount(o, "total"), string(o, "currency"), expiresIn,
                string(o, "return_url"), meta);
    }

    /** {@code {"lines": [{"merchant_order_id": ..., "amount": ...}]}} → order id → amount. */
    static Map<String, BigDecimal> refundLines(JsonObject o) {
        if (!o.containsKey("lines") || o.get("lines").getValueType() != JsonValue.ValueType.ARRAY) {
            throw PaymentRuleException.invalid("lines is a list of {merchant_order_id, amount}.");
        }
        Map<String, BigDecimal> lines = new LinkedHashMap<>();
        for (JsonValue v : o.getJsonArray("lines")) {
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw PaymentRuleException.invalid("Each line is a JSON object.");
            }
            String order = string(v.asJsonObject(), "merchant_order_id");
            if (order == null || lines.put(order, amount(v.asJsonObject(), "amount")) != null) {
                throw PaymentRuleException.invalid("Each line names a different merchant_order_id.");
            }
        }
        return lines;
    }

    static JsonObject payment(PaymentView v) {
        JsonArrayBuilder payees = Json.createArrayBuilder();
        for (PaymentView.Line l : v.payees()) {
            JsonObjectBuilder line = Json.createObjectBuilder().add("card_ref", l.payee()).add("amount", l.amount())
                    .add("refunded", l.refunded()).add("merchant_order_id", l.merchantOrderId());
            if (l.description() != null) {
                line.add("description", l.description());
            }
            payees.add(line);
        }
        JsonObjectBuilder o = Json.createObjectBuilder().add("id", v.id()).add("status", v.status())
                .add("total", v.total()).add("refunded", v.refunded()).add("currency", v.currency())
                .add("merchant_name", v.merchantName()).add("payees", payees).add("return_url", v.returnUrl())
                .add("created_at", v.createdAt().toString()).add("expires_at", v.expiresAt().toString())
                .add("sequence", v.sequence()).add("cashier_url", v.cashierUrl());
        if (v.buyer() != null) {
            o.add("buyer", v.buyer());
        }
        if (v.closedAt() != null) {
            o.add("closed_at", v.closedAt().toString());
        }
        if (v.metadata() != null) {
            try (var reader = Json.createReader(new StringReader(v.metadata()))) {
                o.add("metadata", reader.readValue());
            }
        }
        return o.build();
    }

    static JsonObject refund(RefundView r) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        r.lines().forEach(l -> lines.add(Json.createObjectBuilder().add("merchant_order_id", l.merchantOrderId())
                .add("amount", l.amount())));
        return Json.createObjectBuilder().add("id", r.id()).add("payment_id", r.paymentId()).add("status", r.status())
                .add("amount", r.amount()).add("created_at", r.createdAt().toString()).add("lines", lines).build();
    }

    private static String string(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw PaymentRuleException.invalid(name + " is a string.");
        }
        return s.getString();
    }

    /**
     * An amount as a JSON number ({@code 12.50}); its text goes through {@link Money#parse(String)}, the bank's one
     * amount parser (plain decimals: no exponent, sign or third decimal; the input is never echoed).
     */
    private static BigDecimal amount(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            throw new PaymentRuleException("invalid-amount", 422, name + " is required.");
        }
        if (!(v instanceof JsonNumber n)) {
            throw new PaymentRuleException("invalid-amount", 422, name + " is a JSON number such as 12.50.");
        }
        try {
            return Money.parse(n.toString()).amount();
        } catch (InvalidAmountException e) {
            throw new PaymentRuleException("invalid-amount", 422, name + ": " + e.getMessage());
        }
    }
}
