package org.triad.shop.application.flash;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.shop.domain.model.flash.FlashClaim;
import org.triad.shop.domain.model.flash.FlashSale;
import org.triad.shop.domain.model.flash.FlashSaleRepository;
import org.triad.shop.domain.model.flash.FlashSaleStatus;

/**
 * Every {@code triad.shop.flash.sweep-seconds} (2) on every instance: claims nobody checked out within their hold go
 * back to the pool, and sales past their end are closed with their leftovers returned to the item. Each step is a
 * conditional update, so two instances sweeping at once release nothing twice. (Unpaid flash checkouts are ended by
 * the bank's notification or the reconciliation, like any checkout, and give their unit back then.)
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FlashExpiry {

    private static final Logger LOG = Logger.getLogger(FlashExpiry.class.getName());
    private static final int BATCH = 500;

    @Resource
    TimerService timers;

    @Inject
    FlashSaleRepository flash;

    @EJB
    FlashSaleSteps steps;

    @Inject
    @ConfigProperty(name = "triad.shop.flash.sweep-seconds", defaultValue = "2")
    long sweepSeconds;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void start() {
        timers.createIntervalTimer(sweepSeconds * 1000, sweepSeconds * 1000, new TimerConfig("shop-flash-expiry", false));
    }

    @Timeout
    void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            sweep(Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Flash-sale sweep failed; the next one tries again", e);
        } finally {
            running.set(false);
        }
    }

    /** One sweep; answers how many claims it released. */
    public int sweep(Instant now) {
        int released = 0;
        for (FlashClaim claim : flash.lapsed(now, BATCH)) {
            released += steps.releaseLapsed(claim.id(), now) ? 1 : 0;
        }
        for (FlashSale sale : flash.endedOpen(now, BATCH)) {
            steps.end(null, sale.id(), FlashSaleStatus.CLOSED, now);
        }
        return released;
    }
}
