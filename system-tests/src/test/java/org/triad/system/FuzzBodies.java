package org.triad.system;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Request bodies for {@link ApiFuzzIT}, generated from one operation's OpenAPI request body schema with a seeded
 * {@link Random}. Three kinds:
 * <ul>
 * <li><b>structural</b>: not one valid JSON document of the right shape (empty, trailing garbage, duplicate members,
 * invalid UTF-8, truncated, deep nesting, a top-level array/string/number/null, a wrong Content-Type);</li>
 * <li><b>poisoned</b>: shaped like the schema, with boundary values (empty, ~100k characters, NUL, right-to-left
 * override, lone surrogates, huge and tiny numbers, negative and zero), missing and extra members — and at least one
 * member of a type that cannot be bound (an object or array where a string is expected, text where a number is), so
 * that the request cannot legally succeed;</li>
 * <li><b>boundary</b>: the same without the poison, only for operations that cannot succeed without a secret the
 * fuzzer does not have (a random refresh token, sign-in code, password) or whose amount is forced invalid.</li>
 * </ul>
 */
final class FuzzBodies {

    /** One request body: what it is (for the report), its bytes and its Content-Type. */
    record Body(String kind, String description, byte[] bytes, String contentType) {
    }

    /** A JSON literal written as is (numbers JSON-P cannot hold, escapes such as a lone surrogate). */
    record Raw(String text) {
    }

    /** Amounts the bank's one amount parser must refuse (issue 18: plain decimal strings only). */
    static final List<Object> INVALID_AMOUNTS = List.of("1e-1000000", new Raw("1e-1000000"), "-1", "0", "0.00", "",
            "1e2", "+1.00", "\uFF11", "1E-2", "0.001", "1".repeat(40), new Raw("9".repeat(5000)), "NaN", "Infinity",
            " 1", "1.", ".5", "100000000.01", new Raw("-0"), "١٢", "1\u0000");

    private final Random random;
    private final JsonObject components;

    FuzzBodies(Random random, JsonObject document) {
        this.random = random;
        JsonObject c = document.getJsonObject("components");
        this.components = c != null && c.get("schemas") instanceof JsonObject s ? s : JsonValue.EMPTY_JSON_OBJECT;
    }

    // --- schema ------------------------------------------------------------------------------------------------

    /** Follows {@code $ref} (and the first alternative of allOf/oneOf/anyOf) to a schema object. */
    JsonObject resolve(JsonValue schema) {
        for (int hops = 0; hops < 20 && schema instanceof JsonObject o; hops++) {
            if (o.get("$ref") instanceof JsonString ref) {
                String name = ref.getString().substring(ref.getString().lastIndexOf('/') + 1);
                schema = components.get(name);
                continue;
            }
            for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
                if (o.get(combinator) instanceof JsonArray alternatives && !alternatives.isEmpty()
                        && !o.containsKey("properties")) {
                    schema = alternatives.get(0);
                    o = null;
                    break;
                }
            }
            if (o != null) {
                return o;
            }
        }
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    static String type(JsonObject schema) {
        if (schema.get("type") instanceof JsonString t) {
            return t.getString();
        }
        if (schema.containsKey("properties")) {
            return "object";
        }
        if (schema.containsKey("items")) {
            return "array";
        }
        return "";
    }

    /**
     * The members of an object schema, with their schemas. A free-form body (a {@code String} or JSON-P parameter:
     * no properties in the document) gets the member names its description quotes ({@code {"email": "..."}}).
     */
    Map<String, JsonObject> members(JsonObject schema, String description) {
        Map<String, JsonObject> members = new LinkedHashMap<>();
        if (schema.get("properties") instanceof JsonObject properties) {
            properties.forEach((name, s) -> members.put(name, resolve(s)));
        }
        if (members.isEmpty() && description != null) {
            Matcher m = Pattern.compile("\"([A-Za-z_][A-Za-z0-9_]{0,40})\"\\s*:").matcher(description);
            while (m.find()) {
                members.putIfAbsent(m.group(1), JsonValue.EMPTY_JSON_OBJECT);
            }
            Matcher words = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_, ]{0,200})}").matcher(description);
            while (words.find()) {
                for (String w : words.group(1).split("[, ]+")) {
                    if (w.matches("[A-Za-z_][A-Za-z0-9_]{0,40}")) {
                        members.putIfAbsent(w, JsonValue.EMPTY_JSON_OBJECT);
                    }
                }
            }
        }
        return members;
    }

    static Set<String> required(JsonObject schema) {
        Set<String> required = new LinkedHashSet<>();
        if (schema.get("required") instanceof JsonArray names) {
            names.getValuesAs(JsonString.class).forEach(n -> required.add(n.getString()));
        }
        return required;
    }

    // --- values --------------------------------------------------------------------------------------------------

    /** A plausible value of the schema (the shape a client would send). */
    Object plausible(JsonObject schema, String name, int depth) {
        if (schema.get("enum") instanceof JsonArray values && !values.isEmpty()) {
            return toJava(values.get(random.nextInt(values.size())));
        }
        switch (type(schema)) {
            case "integer":
                return (long) random.nextInt(5) + 1;
            case "number":
                return new Raw("1.5");
            case "boolean":
                return random.nextBoolean();
            case "array": {
                List<Object> list = new ArrayList<>();
                if (depth < 4) {
                    list.add(plausible(resolve(schema.get("items")), name, depth + 1));
                }
                return list;
            }
            case "object": {
                Map<String, Object> map = new LinkedHashMap<>();
                if (depth < 4) {
                    members(schema, null).forEach((n, s) -> map.put(n, plausible(s, n, depth + 1)));
                }
                return map;
            }
            default: {
                String lower = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
                if (lower.contains("email") || lower.equals("login")) {
                    return "fuzz-" + Long.toHexString(random.nextLong()) + "@example.invalid";
                }
                if (lower.contains("amount") || lower.contains("price")) {
                    return "1.00";
                }
                return "fuzz-" + Integer.toHexString(random.nextInt());
            }
        }
    }

    /** A boundary value for a member of the given schema: still of its JSON type where that is known. */
    Object boundary(JsonObject schema, String name) {
        String lower = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("amount") || lower.contains("price") || lower.contains("total")) {
            return INVALID_AMOUNTS.get(random.nextInt(INVALID_AMOUNTS.size()));
        }
        switch (type(schema)) {
            case "integer":
            case "number": {
                Object[] numbers = {0L, -1L, new Raw("-9223372036854775809"), new Raw("9223372036854775808"),
                        new Raw("1e-1000000"), new Raw("1e1000000"), new Raw("1" + "0".repeat(400)),
                        new Raw("-0.0"), new Raw("0.000000000000000000001"), new Raw("2147483648"),
                        (long) Integer.MIN_VALUE};
                return numbers[random.nextInt(numbers.length)];
            }
            case "boolean":
                return random.nextBoolean();
            case "array": {
                int kind = random.nextInt(3);
                if (kind == 0) {
                    return List.of();
                }
                List<Object> many = new ArrayList<>();
                int n = kind == 1 ? 1 : 2_000;
                for (int i = 0; i < n; i++) {
                    many.add(boundary(resolve(schema.get("items")), name));
                }
                return many;
            }
            case "object":
                return Map.of();
            default:
                return boundaryString();
        }
    }

    Object boundaryString() {
        Object[] strings = {"", " ", "x".repeat(100_000), "\u0000", "a\u0000b", "\u202Eevil\u202C", "\u2066x\u2069",
                "\u200B", "😀𝕏", new Raw("\"\\uD800\""), new Raw("\"\\uDFFFx\""), "' OR '1'='1' -- ",
                "<script>alert(1)</script>", "../../../../etc/passwd", "%00%0d%0a", "\r\nX-Injected: 1",
                "1e-1000000", "-1", "9".repeat(5000), "null", "\uFFFF\uFFFE", "ＡＢＣ１２３", "${jndi:ldap://x/a}",
                "中文名称".repeat(2_000)};
        return strings[random.nextInt(strings.length)];
    }

    /** A value that cannot be bound to a member of this schema. */
    Object poison(JsonObject schema) {
        return switch (type(schema)) {
            case "integer", "number" -> random.nextBoolean() ? "not-a-number" : Map.of("n", 1);
            case "boolean" -> random.nextBoolean() ? Map.of("b", true) : List.of(true);
            case "array" -> random.nextBoolean() ? "not-an-array" : Map.of("a", List.of());
            case "object" -> random.nextBoolean() ? List.of(Map.of()) : "not-an-object";
            default -> random.nextBoolean() ? Map.of("s", "x") : List.of("x", 1);
        };
    }

    // --- bodies -----------------------------------------------------------------------------------------------

    /**
     * Up to {@code max} bodies for an operation whose body schema is {@code schema}. {@code boundaryAllowed}: the
     * operation may also get unpoisoned boundary bodies; {@code forcedInvalid}: members (such as an amount) that
     * always get a value the server must refuse.
     */
    List<Body> bodies(JsonObject schema, String description, boolean boundaryAllowed, Set<String> forcedInvalid,
                      int max) {
        Map<String, JsonObject> members = members(schema, description);
        boolean objectBody = type(schema).equals("object") || type(schema).isEmpty() || !members.isEmpty();
        Object plausible = objectBody ? plausibleObject(members) : plausible(schema, null, 0);
        String valid = write(plausible);
        String first = members.isEmpty() ? "x" : members.keySet().iterator().next();

        List<Body> structural = new ArrayList<>();
        structural.add(json("structural", "empty body", ""));
        structural.add(json("structural", "white space only", "  \r\n\t "));
        structural.add(json("structural", "null", "null"));
        structural.add(json("structural", "array instead of object", "[" + valid + "]"));
        structural.add(json("structural", "string instead of object", "\"" + "x".repeat(50) + "\""));
        structural.add(json("structural", "number instead of object", "1e-1000000"));
        structural.add(json("structural", "trailing garbage", valid + " garbage"));
        structural.add(json("structural", "two documents", valid + valid));
        structural.add(json("structural", "duplicate member", "{\"" + first + "\": " + write(boundaryString())
                + ", \"" + first + "\": " + write(boundaryString()) + "}"));
        structural.add(json("structural", "truncated", valid.substring(0, Math.max(0, valid.length() - 1))));
        structural.add(json("structural", "deep array nesting", "[".repeat(20_000) + "]".repeat(20_000)));
        structural.add(json("structural", "deep object nesting",
                "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)));
        structural.add(json("structural", "raw control characters", "{\"" + first + "\": \"a\u0000b\u0001\"}"));
        structural.add(json("structural", "single quotes and comments", "{'" + first + "': 1 /* c */}"));
        structural.add(json("structural", "huge number", "{\"" + first + "\": 1" + "0".repeat(200_000) + "}"));
        ByteArrayOutputStream invalidUtf8 = new ByteArrayOutputStream();
        invalidUtf8.writeBytes(("{\"" + first + "\": \"").getBytes(StandardCharsets.UTF_8));
        invalidUtf8.writeBytes(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        invalidUtf8.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        structural.add(new Body("structural", "invalid UTF-8", invalidUtf8.toByteArray(), "application/json"));
        structural.add(new Body("structural", "UTF-16 body", valid.getBytes(StandardCharsets.UTF_16),
                "application/json"));
        structural.add(new Body("structural", "wrong Content-Type text/plain",
                poisoned(members, forcedInvalid).getBytes(StandardCharsets.UTF_8), "text/plain"));
        structural.add(new Body("structural", "wrong Content-Type xml", "<a>1</a>".getBytes(StandardCharsets.UTF_8),
                "application/xml"));
        structural.add(new Body("structural", "form instead of JSON",
                (first + "=x&" + first + "=y").getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded"));

        List<Body> shaped = new ArrayList<>();
        int poisonedCount = boundaryAllowed ? 6 : 10;
        for (int i = 0; i < poisonedCount; i++) {
            shaped.add(json("poisoned", "schema-shaped, a member of the wrong type", poisoned(members, forcedInvalid)));
        }
        if (boundaryAllowed) {
            for (int i = 0; i < 6; i++) {
                shaped.add(json("boundary", "schema-shaped boundary values", boundaryObject(members, forcedInvalid)));
            }
        }
        List<Body> all = new ArrayList<>(structural);
        all.addAll(shaped);
        while (all.size() > max) {
            all.remove(random.nextInt(structural.size()));
        }
        return all;
    }

    private Map<String, Object> plausibleObject(Map<String, JsonObject> members) {
        Map<String, Object> map = new LinkedHashMap<>();
        members.forEach((n, s) -> map.put(n, plausible(s, n, 1)));
        return map;
    }

    private Map<String, Object> boundaryMembers(Map<String, JsonObject> members, Set<String> forcedInvalid) {
        Map<String, Object> map = new LinkedHashMap<>();
        members.forEach((n, s) -> {
            int roll = random.nextInt(10);
            if (forcedInvalid.contains(n)) {
                map.put(n, INVALID_AMOUNTS.get(random.nextInt(INVALID_AMOUNTS.size())));
            } else if (roll == 0) {
                // missing (required or not)
            } else if (roll < 4) {
                map.put(n, plausible(s, n, 1));
            } else {
                map.put(n, boundary(s, n));
            }
        });
        if (random.nextInt(3) == 0) {
            map.put("extra_" + Integer.toHexString(random.nextInt()), boundaryString());
        }
        if (random.nextInt(4) == 0) {
            map.put("__proto__", Map.of("admin", true));
        }
        return map;
    }

    private String poisoned(Map<String, JsonObject> members, Set<String> forcedInvalid) {
        Map<String, Object> map = boundaryMembers(members, forcedInvalid);
        List<String> names = new ArrayList<>(members.keySet());
        if (names.isEmpty()) {
            map.put("x", Map.of("s", "x"));
        } else {
            int poisoned = 1 + random.nextInt(Math.min(2, names.size()));
            for (int i = 0; i < poisoned; i++) {
                String n = names.get(random.nextInt(names.size()));
                map.put(n, poison(members.get(n)));
            }
        }
        return write(map);
    }

    private String boundaryObject(Map<String, JsonObject> members, Set<String> forcedInvalid) {
        return write(boundaryMembers(members, forcedInvalid));
    }

    private static Body json(String kind, String description, String text) {
        return new Body(kind, description, text.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    // --- JSON text ----------------------------------------------------------------------------------------------

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.text());
        } else if (value instanceof String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean firstMember = true;
            for (Map.Entry<?, ?> e : ((Map<Object, Object>) map).entrySet()) {
                if (!firstMember) {
                    out.append(',');
                }
                firstMember = false;
                write(String.valueOf(e.getKey()), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }

    private static Object toJava(JsonValue v) {
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NULL -> null;
            default -> new Raw(v.toString());
        };
    }
}
