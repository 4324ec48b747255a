package org.triad.bench.common;

import java.util.Locale;

/** Just enough JSON for the benchmark: string escaping, and reading a top-level string member. */
public final class Json {

    private Json() {
    }

    /** A JSON string literal, with quotes. */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 16).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A JSON number; NaN and infinities become null. */
    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /**
     * The string value of member {@code name} of a JSON object whose members before it are strings,
     * numbers, booleans or null, or null when absent. Enough for the CA's issuance response; not a
     * general parser.
     */
    public static String stringMember(String json, String name) {
        String key = quote(name);
        int at = 0;
        while ((at = json.indexOf(key, at)) >= 0) {
            int colon = skipSpace(json, at + key.length());
            if (colon < json.length() && json.charAt(colon) == ':') {
                int start = skipSpace(json, colon + 1);
                if (start < json.length() && json.charAt(start) == '"') {
                    return readString(json, start);
                }
                return null;
            }
            at += key.length();
        }
        return null;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String readString(String s, int quote) {
        StringBuilder out = new StringBuilder();
        for (int i = quote + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                char e = s.charAt(++i);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> out.append(e);
                }
            } else {
                out.append(c);
            }
        }
        throw new IllegalArgumentException("unterminated JSON string");
    }
}
