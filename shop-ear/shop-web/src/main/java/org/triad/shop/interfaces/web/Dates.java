package org.triad.shop.interfaces.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Instants as the shop's screens show and take them: local date and time of the server's zone, to the second. */
final class Dates {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Dates() {
    }

    static String time(Instant instant) {
        return instant == null ? "" : SHOWN.format(instant.atZone(ZoneId.systemDefault()));
    }

    static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(ZoneId.systemDefault()).toInstant();
    }
}
