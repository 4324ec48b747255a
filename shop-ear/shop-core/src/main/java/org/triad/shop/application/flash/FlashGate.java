package org.triad.shop.application.flash;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The flash sale's front door on this server: once the pool of a sale was found empty, attempts are answered
 * "sold out" from memory for {@link #QUIET_NANOS} (no database round trip, so thousands of late buyers cost almost
 * nothing and the catalogue stays responsive); after that the next attempt asks the database again, so a unit given
 * back by a lapsed claim or an unpaid checkout — on this server or another — can be bought. A give-back on this
 * server opens the gate as soon as it is committed (before the commit, an attempt would find the pool still empty
 * and close the gate again). The gate only ever says "ask the database" or "sold out a moment ago": it never
 * grants a unit, so it cannot oversell, also with several servers.
 */
@ApplicationScoped
public class FlashGate {

    static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final ConcurrentHashMap<Long, Long> soldOutUntil = new ConcurrentHashMap<>();

    public boolean looksSoldOut(long saleId) {
        Long until = soldOutUntil.get(saleId);
        if (until == null) {
            return false;
        }
        if (System.nanoTime() - until < 0) {
            return true;
        }
        soldOutUntil.remove(saleId, until);
        return false;
    }

    public void soldOut(long saleId) {
        soldOutUntil.put(saleId, System.nanoTime() + QUIET_NANOS);
    }

    /** A unit of the sale went back to its pool: opened once that is committed, so the next attempt can see it. */
    public record UnitReturned(long saleId) {
    }

    void reopen(@Observes(during = TransactionPhase.AFTER_SUCCESS) UnitReturned returned) {
        soldOutUntil.remove(returned.saleId());
    }
}
