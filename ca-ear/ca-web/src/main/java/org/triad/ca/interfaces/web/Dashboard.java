package org.triad.ca.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import org.triad.ca.application.CertificateQueries;

/** The CA dashboard: certificates by status and those expiring soon. */
@Named
@RequestScoped
public class Dashboard {

    /** What "expiring soon" means on this screen. */
    public static final int EXPIRING_WITHIN_DAYS = 30;

    @Inject
    CertificateQueries queries;

    private CertificateQueries.Dashboard figures;
    private List<CertificateRow> expiringFirst;

    @PostConstruct
    void load() {
        figures = queries.dashboard(EXPIRING_WITHIN_DAYS);
        Instant now = Instant.now();
        expiringFirst = figures.expiringFirst().stream().map(r -> CertificateRow.of(r, now)).toList();
    }

    public long count(String status) {
        Long n = figures.countsByStatus().get(status);
        return n == null ? 0 : n;
    }

    public long getTotal() {
        return figures.countsByStatus().values().stream().mapToLong(Long::longValue).sum();
    }

    public long getExpiringSoon() {
        return figures.expiringSoon();
    }

    public int getExpiringWithinDays() {
        return figures.expiringWithinDays();
    }

    public List<CertificateRow> getExpiringFirst() {
        return expiringFirst;
    }
}
