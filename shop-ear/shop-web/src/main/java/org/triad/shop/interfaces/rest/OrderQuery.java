package org.triad.shop.interfaces.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;
import org.triad.shop.domain.model.order.OrderStatus;
import org.triad.shop.domain.model.shared.ShopRuleException;

/** The order list filters of the API: {@code status=PAID,SHIPPED}, {@code from}/{@code to} as dates or instants. */
final class OrderQuery {

    private OrderQuery() {
    }

    static Set<OrderStatus> statuses(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        Set<OrderStatus> set = EnumSet.noneOf(OrderStatus.class);
        for (String s : status.split(",")) {
            try {
                set.add(OrderStatus.valueOf(s.strip().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ShopRuleException.invalid("status", "Unknown order status " + s.strip() + ".");
            }
        }
        return set;
    }

    /** A date (its start, UTC) or an instant; {@code end} true: the day after a date, so that to=date includes it. */
    static Instant time(String value, String field, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate d = LocalDate.parse(value);
                return (end ? d.plusDays(1) : d).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ShopRuleException.invalid(field, field + " is a date (2026-12-03) or an instant.");
        }
    }
}
