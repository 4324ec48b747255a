package org.triad.bank.application.banking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.triad.bank.domain.model.ledger.EntryType;
import org.triad.bank.domain.model.shared.InvalidInputException;

/**
 * Filters of a history query: {@code from} inclusive, {@code to} exclusive (ISO instants, or dates meaning the
 * start of that day in UTC), optional type, page (from 0) and size (1..200).
 */
public record HistoryFilter(Instant from, Instant to, EntryType type, int page, int size) {

    public static final int MAX_SIZE = 200;

    public static HistoryFilter parse(String from, String to, String type, Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0 || s < 1 || s > MAX_SIZE) {
            throw new InvalidInputException("page >= 0 and 1 <= size <= " + MAX_SIZE + ".");
        }
        EntryType t = null;
        if (type != null && !type.isBlank()) {
            try {
                t = EntryType.valueOf(type.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("Unknown transaction type " + type + ".");
            }
        }
        return new HistoryFilter(instant(from, "from"), instant(to, "to"), t, p, s);
    }

    private static Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("'" + name + "' is an ISO date or instant: " + value);
        }
    }

    /** Everything the filter matches, up to {@value #MAX_EXPORT} lines (CSV export). */
    public HistoryFilter forExport() {
        return new HistoryFilter(from, to, type, 0, MAX_EXPORT);
    }

    public static final int MAX_EXPORT = 10_000;
}
