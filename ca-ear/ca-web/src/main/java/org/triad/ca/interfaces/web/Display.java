package org.triad.ca.interfaces.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formats shared by the CA screens: instants in UTC, the same in every language. */
final class Display {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Display() {
    }

    static String utc(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }
}
