package org.triad.shop.application.flash;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.triad.shop.application.ShopAudit;
import org.triad.shop.domain.model.flash.FlashClaim;
import org.triad.shop.domain.model.flash.FlashClaimStatus;
import org.triad.shop.domain.model.flash.FlashSale;
import org.triad.shop.domain.model.flash.FlashSaleRepository;
import org.triad.shop.domain.model.flash.FlashSaleStatus;
import org.triad.shop.domain.model.item.Item;
import org.triad.shop.domain.model.item.ItemContent;
import org.triad.shop.domain.model.item.ItemRepository;
import org.triad.shop.domain.model.order.Checkout;
import org.triad.shop.domain.model.order.OrderEvent;
import org.triad.shop.domain.model.order.OrderRepository;
import org.triad.shop.domain.model.order.OrderStatus;
import org.triad.shop.domain.model.order.ShopOrder;
import org.triad.shop.domain.model.shared.ShopRuleException;
import org.triad.shop.domain.model.user.CardBinding;
import org.triad.shop.domain.model.user.CardPurpose;
import org.triad.shop.domain.model.user.ShopUserRepository;
import org.triad.shop.infrastructure.search.CatalogueChanged;

/**
 * The flash sale's transactions, each method one. A refusal is a {@link ShopRuleException}, which rolls back all
 * the method did (a unit taken from the pool before the refusal is back).
 */
@Stateless
public class FlashSaleSteps {

    @Inject
    FlashSaleRepository flash;

    @Inject
    ItemRepository items;

    @Inject
    OrderRepository orders;

    @Inject
    ShopUserRepository users;

    @Inject
    FlashPool pool;

    @Inject
    ShopAudit audit;

    @Inject
    Event<CatalogueChanged> catalogueChanged;

    /** Schedules a sale; its units leave the item's stock now (refused when the item has fewer in stock). */
    public long schedule(long adminId, long itemId, long priceMinor, int units, Instant startsAt, Instant endsAt,
                         Duration claimHold, Instant now) {
        Item item = items.find(itemId).orElseThrow(() -> ShopRuleException.notFound("item"));
        ItemContent content = item.publishedCopy();
        if (content == null || !items.isVisible(itemId)) {
            throw ShopRuleException.invalid("itemId", "Only an item that is for sale can go on a flash sale.");
        }
        if (priceMinor >= content.price().minor()) {
            throw new ShopRuleException("flash-price-not-below", 422, "price", "The flash price must be below the"
                    + " item's price (" + content.price().plain() + ").");
        }
        FlashSale sale = new FlashSale(itemId, priceMinor, units, startsAt, endsAt, claimHold, adminId, now);
        if (!orders.reserve(itemId, units, now)) {
            throw new ShopRuleException("not-enough-stock", 409, "units", "\"" + content.title() + "\" has fewer than "
                    + units + " in stock.");
        }
        flash.add(sale);
        audit.record(adminId, "FLASH_SALE_SCHEDULED", "flash-sale:" + sale.id(), units + " × item " + itemId
                + " at " + sale.priceMinor() + " fen, " + startsAt + " – " + endsAt);
        catalogueChanged.fire(new CatalogueChanged("stock"));
        return sale.id();
    }

    /**
     * One unit for the buyer: the pool's conditional update first (it takes the sale row's lock, so the claim's
     * foreign key check that follows cannot deadlock with other buyers), then the claim, whose unique key (sale,
     * holder) refuses a second live claim of the same buyer even when both arrive at once.
     */
    public FlashClaim claim(long buyerId, long saleId, Instant now) {
        FlashSale sale = flash.sale(saleId).orElseThrow(() -> ShopRuleException.notFound("flash-sale"));
        switch (sale.phase(now)) {
            case UPCOMING -> throw new ShopRuleException("flash-sale-not-started", 409, null,
                    "The sale starts at " + sale.startsAt() + ".");
            case ENDED -> throw new ShopRuleException("flash-sale-ended", 409, null, "The sale is over.");
            default -> {
            }
        }
        if (sale.remaining() <= 0) {
            // the pool as read just now: an early "sold out" that spares the claim queries (the conditional
            // update below, not this read, is what grants a unit)
            throw soldOut();
        }
        if (flash.liveClaim(saleId, buyerId).isPresent()) {
            throw alreadyClaimed();
        }
        if (items.find(sale.itemId()).map(Item::sellerId).orElse(-1L) == buyerId) {
            throw new ShopRuleException("own-item", 422, null, "You cannot buy your own item.");
        }
        if (!flash.take(saleId, now)) {
            throw soldOut();
        }
        FlashClaim claim = new FlashClaim(sale, buyerId, now);
        flash.add(claim);
        flash.flush();
        return claim;
    }

    static ShopRuleException alreadyClaimed() {
        return new ShopRuleException("flash-already-claimed", 409, null,
                "You already have a unit of this sale (one per buyer).");
    }

    static ShopRuleException soldOut() {
        return new ShopRuleException("flash-sold-out", 409, null, "Sold out.");
    }

    /**
     * The claim becomes a checkout of one order (the sale's price, one unit, the seller paid through the bank as for
     * any order); the unit stays held, now by the checkout, until its payment is paid or ends. Refused when the claim
     * is not the buyer's (404), already released or past its hold.
     */
    public long checkout(long buyerId, long claimId, Checkout.Contact contact, Duration payTime, Instant now) {
        FlashClaim claim = flash.claim(claimId).filter(c -> c.buyerId() == buyerId)
                .orElseThrow(() -> ShopRuleException.notFound("flash-claim"));
        if (claim.status() == FlashClaimStatus.ORDERED) {
            return claim.checkoutId();
        }
        if (claim.status() != FlashClaimStatus.CLAIMED || !claim.holdUntil().isAfter(now)) {
            throw lapsed();
        }
        FlashSale sale = flash.sale(claim.saleId()).orElseThrow();
        Item item = items.find(sale.itemId()).orElseThrow();
        ItemContent content = item.publishedCopy();
        String title = content == null ? "flash sale " + sale.id() : content.title();
        CardBinding payout = users.binding(item.sellerId(), CardPurpose.PAYOUT).filter(b -> !b.isLost())
                .orElseThrow(() -> new ShopRuleException("seller-cannot-be-paid", 409, null,
                        "The seller cannot take payments right now; try again later."));
        Checkout checkout = Checkout.forFlashClaim(claimId, buyerId, contact, now.plus(payTime), now);
        ShopOrder order = new ShopOrder(checkout.id(), buyerId, item.sellerId(), payout.cardRef(), now);
        var line = order.addLine(1, item.id(), title, "", sale.priceMinor(), 1);
        checkout.addToTotal(order.totalMinor());
        if (!flash.ordered(claimId, checkout.id(), now)) {
            throw lapsed();
        }
        orders.add(checkout);
        orders.flush();
        orders.add(order);
        orders.flush();
        orders.add(new OrderEvent(order.id(), OrderStatus.PENDING_PAYMENT, buyerId,
                "flash sale " + sale.id() + ", checkout " + checkout.id(), now));
        orders.add(line);
        audit.record(buyerId, "CHECKOUT_PLACED", "checkout:" + checkout.id(), "flash claim " + claimId);
        return checkout.id();
    }

    static ShopRuleException lapsed() {
        return new ShopRuleException("flash-claim-lapsed", 409, null,
                "The time to check out this unit is over; it went back to the sale.");
    }

    /** A claim nobody checked out in time goes back to the pool. */
    public boolean releaseLapsed(long claimId, Instant now) {
        return pool.release(claimId, FlashClaimStatus.CLAIMED, now);
    }

    /**
     * Ends a scheduled sale — closed after its window or cancelled by an admin — and gives the units left in its
     * pool back to the item (under the sale's row lock, so a give-back racing it lands in one place or the other).
     */
    public boolean end(Long adminId, long saleId, FlashSaleStatus to, Instant now) {
        FlashSale sale = flash.lockSale(saleId).orElseThrow(() -> ShopRuleException.notFound("flash-sale"));
        if (sale.status() != FlashSaleStatus.SCHEDULED) {
            if (adminId != null) {
                throw new ShopRuleException("flash-sale-ended", 409, null, "The sale is already " + sale.status()
                        + ".");
            }
            return false;
        }
        int left = sale.remaining();
        if (!flash.close(saleId, to, now)) {
            return false;
        }
        if (left > 0) {
            orders.release(sale.itemId(), left, now);
        }
        audit.record(adminId, to == FlashSaleStatus.CANCELLED ? "FLASH_SALE_CANCELLED" : "FLASH_SALE_CLOSED",
                "flash-sale:" + saleId, left + " units back to item " + sale.itemId());
        catalogueChanged.fire(new CatalogueChanged("stock"));
        return true;
    }
}
