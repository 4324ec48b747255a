package org.triad.shop.domain.model.shared;

import org.triad.common.domain.RuleException;

/**
 * A shop rule was broken (bad price, another seller's item, not a seller yet, ...): problem type and status are named
 * where it is thrown, and {@link #field()} says which input it is about, so a screen shows it next to that field.
 * Thrown from an application service it rolls the transaction back (a {@code DomainException}).
 */
public class ShopRuleException extends RuleException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public ShopRuleException(String problemType, int status, String field, String message) {
        super(problemType, status, message);
        this.field = field;
    }

    public static ShopRuleException invalid(String field, String message) {
        return new ShopRuleException("invalid-" + field, 422, field, message);
    }

    public static ShopRuleException notFound(String what) {
        return new ShopRuleException(what + "-not-found", 404, null, "There is no such " + what + ".");
    }

    public static ShopRuleException forbidden(String type, String message) {
        return new ShopRuleException(type, 403, null, message);
    }

    /** The input field the refusal is about, or null. */
    public String field() {
        return field;
    }
}
