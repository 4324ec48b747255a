package org.triad.shop.domain.model.item;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.triad.shop.domain.model.shared.ShopRuleException;

/**
 * What review looks at: title, description (plain text; shown escaped, so markup and scripts appear as text),
 * category and price, and the options buyers choose from ({@code size: S, M, L}, one option a line).
 */
public record ItemContent(String title, String description, long categoryId, Price price, String options) {

    public static final int MAX_TITLE = 120;
    public static final int MAX_DESCRIPTION = 8000;
    public static final int MAX_OPTIONS = 10;
    public static final int MAX_OPTION_VALUES = 20;

    public ItemContent {
        title = title == null ? "" : title.strip().replaceAll("\\s+", " ");
        if (title.isEmpty()) {
            throw ShopRuleException.invalid("title", "Enter a title.");
        }
        if (title.codePointCount(0, title.length()) > MAX_TITLE || title.length() > MAX_TITLE) {
            throw ShopRuleException.invalid("title", "A title has at most " + MAX_TITLE + " characters.");
        }
        if (hasControlCharacters(title, false)) {
            throw ShopRuleException.invalid("title", "A title cannot contain control characters.");
        }
        description = description == null ? "" : description.strip().replace("\r\n", "\n");
        if (description.length() > MAX_DESCRIPTION) {
            throw ShopRuleException.invalid("description",
                    "A description has at most " + MAX_DESCRIPTION + " characters.");
        }
        if (hasControlCharacters(description, true)) {
            throw ShopRuleException.invalid("description", "A description cannot contain control characters.");
        }
        if (price == null) {
            throw ShopRuleException.invalid("price", "Enter a price.");
        }
        options = normaliseOptions(options);
    }

    private static boolean hasControlCharacters(String s, boolean newlinesAllowed) {
        return s.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
                && !(newlinesAllowed && (c == '\n' || c == '\t')));
    }

    /** Option lines {@code name: value, value}, checked and written back in one canonical form. */
    static String normaliseOptions(String text) {
        Map<String, List<String>> parsed = parseOptions(text);
        StringBuilder out = new StringBuilder();
        parsed.forEach((name, values) -> out.append(out.isEmpty() ? "" : "\n").append(name).append(": ")
                .append(String.join(", ", values)));
        if (out.length() > 1000) {
            throw ShopRuleException.invalid("options", "The options are too long.");
        }
        return out.toString();
    }

    /** The options by name, in the order given. */
    public static Map<String, List<String>> parseOptions(String text) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return options;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw ShopRuleException.invalid("options", "Write each option as 'name: value, value'.");
            }
            String name = line.substring(0, colon).strip();
            List<String> values = new ArrayList<>(Arrays.stream(line.substring(colon + 1).split("[,，]"))
                    .map(String::strip).filter(v -> !v.isEmpty()).distinct().toList());
            if (name.isEmpty() || name.length() > 30 || values.isEmpty() || values.size() > MAX_OPTION_VALUES
                    || values.stream().anyMatch(v -> v.length() > 30) || options.containsKey(name)) {
                throw ShopRuleException.invalid("options",
                        "Each option has a name (at most 30 characters) and 1 to 20 different values.");
            }
            options.put(name, values);
        }
        if (options.size() > MAX_OPTIONS) {
            throw ShopRuleException.invalid("options", "An item has at most " + MAX_OPTIONS + " options.");
        }
        return options;
    }
}
