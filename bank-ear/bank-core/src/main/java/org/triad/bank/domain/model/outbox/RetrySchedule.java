package org.triad.bank.domain.model.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a message is tried: {@code steps[0]} after it was written (normally at once), {@code steps[k]} after the k-th
 * failed attempt, then every {@code repeat} (none if {@code null}), as long as the attempt falls within
 * {@code giveUpAfter} of the message's creation; otherwise the message is dead. The merchant default
 * {@code 0s,15s,1m,5m,30m,2h,6h} + every 6 h up to 72 h tries 17 times over three days (Stripe retries for three
 * days, WeChat Pay for 24 h).
 */
public record RetrySchedule(List<Duration> steps, Duration repeat, Duration giveUpAfter) {

    public RetrySchedule {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a retry schedule needs at least one step");
        }
        steps = List.copyOf(steps);
    }

    /** Parses {@code "0s,15s,1m"}, {@code "6h"} (empty or {@code none}: no repetition), {@code "72h"}. */
    public static RetrySchedule parse(String steps, String repeat, String giveUpAfter) {
        List<Duration> list = new ArrayList<>();
        for (String s : steps.split(",")) {
            if (!s.isBlank()) {
                list.add(duration(s));
            }
        }
        boolean noRepeat = repeat == null || repeat.isBlank() || repeat.trim().equalsIgnoreCase("none");
        return new RetrySchedule(list, noRepeat ? null : duration(repeat), duration(giveUpAfter));
    }

    /** {@code 500ms}, {@code 15s}, {@code 5m}, {@code 2h}, {@code 3d}. */
    public static Duration duration(String text) {
        String t = text.trim().toLowerCase();
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new IllegalArgumentException("unit");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration (e.g. 15s, 5m, 2h): '" + text + "'");
        }
    }

    /** The delay of the first attempt after the message was written. */
    public Duration first() {
        return steps.get(0);
    }

    /** When to try next after {@code attemptsMade} failed attempts, the last at {@code now}; empty: give up. */
    public Optional<Instant> next(int attemptsMade, Instant created, Instant now) {
        Duration delay = attemptsMade < steps.size() ? steps.get(attemptsMade) : repeat;
        if (delay == null) {
            return Optional.empty();
        }
        Instant at = now.plus(delay);
        return at.isAfter(created.plus(giveUpAfter)) ? Optional.empty() : Optional.of(at);
    }
}
