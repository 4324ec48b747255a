package org.triad.bank.application.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.bank.domain.model.outbox.OutboxKind;
import org.triad.bank.domain.model.outbox.RetrySchedule;

/** The relay's settings, {@code triad.bank.outbox.*} (see docs/configuration.md). */
@ApplicationScoped
public class OutboxSettings {

    @Inject
    @ConfigProperty(name = "triad.bank.outbox.notification.schedule", defaultValue = "0s,15s,1m,5m,30m,2h,6h")
    String notificationSteps;

    @Inject
    @ConfigProperty(name = "triad.bank.outbox.notification.repeat", defaultValue = "6h")
    String notificationRepeat;

    @Inject
    @ConfigProperty(name = "triad.bank.outbox.notification.give-up-after", defaultValue = "72h")
    String notificationGiveUp;

    @Inject
    @ConfigProperty(name = "triad.bank.outbox.mail.schedule", defaultValue = "0s,15s,1m,5m,30m")
    String mailSteps;

    @Inject
    @ConfigProperty(name = "triad.bank.outbox.mail.repeat", defaultValue = "none")
    String mailRepeat;

    @Inject
    @ConfigProperty(name = "triad.bank.outbox.mail.give-up-after", defaultValue = "2h")
    String mailGiveUp;

    @Inject
    @ConfigProperty(name = "triad.bank.outbox.backchannel-logout.schedule", defaultValue = "0s,5s,30s")
    String logoutSteps;

    @Inject
    @ConfigProperty(name = "triad.bank.outbox.backchannel-logout.repeat", defaultValue = "none")
    String logoutRepeat;

    @Inject
    @ConfigProperty(name = "triad.bank.outbox.backchannel-logout.give-up-after", defaultValue = "2m")
    String logoutGiveUp;

    @Inject
    @ConfigProperty(name = "triad.bank.outbox.poll-seconds", defaultValue = "10")
    int pollSeconds;

    @Inject
    @ConfigProperty(name = "triad.bank.outbox.lease-seconds", defaultValue = "120")
    int leaseSeconds;

    @Inject
    @ConfigProperty(name = "triad.bank.outbox.batch-size", defaultValue = "50")
    int batchSize;

    public RetrySchedule schedule(OutboxKind kind) {
        return switch (kind) {
            case MERCHANT_NOTIFICATION -> RetrySchedule.parse(notificationSteps, notificationRepeat, notificationGiveUp);
            case MAIL -> RetrySchedule.parse(mailSteps, mailRepeat, mailGiveUp);
            case BACKCHANNEL_LOGOUT -> RetrySchedule.parse(logoutSteps, logoutRepeat, logoutGiveUp);
        };
    }

    /** How often each instance looks for due messages (the safety net behind the kick after each commit). */
    public Duration pollInterval() {
        return Duration.ofSeconds(Math.max(1, pollSeconds));
    }

    /** How long one relay owns a message it is sending; longer than any courier's timeouts. */
    public Duration lease() {
        return Duration.ofSeconds(Math.max(30, leaseSeconds));
    }

    public int batchSize() {
        return Math.max(1, batchSize);
    }
}
