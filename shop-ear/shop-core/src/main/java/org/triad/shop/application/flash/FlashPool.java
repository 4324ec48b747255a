package org.triad.shop.application.flash;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import org.triad.shop.domain.model.flash.FlashClaim;
import org.triad.shop.domain.model.flash.FlashClaimStatus;
import org.triad.shop.domain.model.flash.FlashSaleRepository;
import org.triad.shop.domain.model.order.OrderRepository;
import org.triad.shop.infrastructure.search.CatalogueChanged;

/**
 * Gives a claim's unit back, in the caller's transaction and exactly once (the claim's conditional release decides):
 * to the sale's pool while the sale is scheduled, else to the item's stock.
 */
@ApplicationScoped
public class FlashPool {

    @Inject
    FlashSaleRepository flash;

    @Inject
    OrderRepository orders;

    @Inject
    Event<FlashGate.UnitReturned> unitReturned;

    @Inject
    Event<CatalogueChanged> catalogueChanged;

    /** True if this call released the claim (in state {@code from}) and gave its unit back. */
    public boolean release(long claimId, FlashClaimStatus from, Instant now) {
        FlashClaim claim = flash.claim(claimId).orElse(null);
        if (claim == null || !flash.release(claimId, from, now)) {
            return false;
        }
        if (flash.giveBack(claim.saleId())) {
            unitReturned.fire(new FlashGate.UnitReturned(claim.saleId()));
        } else {
            orders.release(flash.sale(claim.saleId()).orElseThrow().itemId(), 1, now);
            catalogueChanged.fire(new CatalogueChanged("stock"));
        }
        return true;
    }
}
