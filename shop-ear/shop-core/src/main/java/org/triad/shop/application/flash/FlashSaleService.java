package org.triad.shop.application.flash;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.shop.application.orders.CheckoutService;
import org.triad.shop.application.orders.CheckoutView;
import org.triad.shop.domain.model.flash.FlashClaim;
import org.triad.shop.domain.model.flash.FlashSale;
import org.triad.shop.domain.model.flash.FlashSaleRepository;
import org.triad.shop.domain.model.flash.FlashSaleStatus;
import org.triad.shop.domain.model.item.Item;
import org.triad.shop.domain.model.item.ItemContent;
import org.triad.shop.domain.model.item.ItemRepository;
import org.triad.shop.domain.model.item.Price;
import org.triad.shop.domain.model.order.Checkout;
import org.triad.shop.domain.model.shared.ShopRuleException;

/**
 * Flash sales for admins (schedule, cancel, watch) and buyers (see, claim one unit, check it out and pay at the
 * bank's cashier like any checkout). A claim attempt is one short transaction; while the pool is empty the
 * {@link FlashGate} answers "sold out" without one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FlashSaleService {

    private static final int MAX_LISTED = 50;

    @EJB
    FlashSaleSteps steps;

    @EJB
    CheckoutService checkouts;

    @Inject
    FlashSaleRepository flash;

    @Inject
    ItemRepository items;

    @Inject
    FlashGate gate;

    @Inject
    @ConfigProperty(name = "triad.shop.flash.pay-seconds", defaultValue = "600")
    long paySeconds;

    /** What an admin asks for; price as entered (plain decimal), times as instants. */
    public record Schedule(Long itemId, String price, Integer units, Instant startsAt, Instant endsAt,
                           Long claimHoldSeconds) {
    }

    public FlashSaleView schedule(long adminId, Schedule s) {
        if (s == null || s.itemId() == null) {
            throw ShopRuleException.invalid("itemId", "Choose the item.");
        }
        if (s.units() == null) {
            throw ShopRuleException.invalid("units", "Enter the number of units.");
        }
        if (s.startsAt() == null) {
            throw ShopRuleException.invalid("startsAt", "Enter the start time.");
        }
        if (s.endsAt() == null) {
            throw ShopRuleException.invalid("endsAt", "Enter the end time.");
        }
        long price = Price.parse(s.price()).minor();
        Duration hold = Duration.ofSeconds(s.claimHoldSeconds() == null ? 300 : s.claimHoldSeconds());
        long id = steps.schedule(adminId, s.itemId(), price, s.units(), s.startsAt(), s.endsAt(), hold, Instant.now());
        return view(flash.sale(id).orElseThrow(), true);
    }

    public FlashSaleView cancel(long adminId, long saleId) {
        steps.end(adminId, saleId, FlashSaleStatus.CANCELLED, Instant.now());
        return view(flash.sale(saleId).orElseThrow(), true);
    }

    /** Sales upcoming or live, for everyone. */
    public List<FlashSaleView> current() {
        return flash.current(Instant.now(), MAX_LISTED).stream().map(s -> view(s, false)).toList();
    }

    public FlashSaleView sale(long saleId, boolean admin) {
        return flash.sale(saleId).map(s -> view(s, admin)).orElseThrow(() -> ShopRuleException.notFound("flash-sale"));
    }

    public List<FlashSaleView> all(int first, int max) {
        return flash.all(first, Math.min(max, 100)).stream().map(s -> view(s, true)).toList();
    }

    /** One attempt of a buyer: the claim (201), or 409 sold out / already claimed / not started / ended. */
    public FlashClaimView claim(long buyerId, long saleId) {
        if (gate.looksSoldOut(saleId)) {
            throw FlashSaleSteps.soldOut();
        }
        try {
            return view(steps.claim(buyerId, saleId, Instant.now()));
        } catch (ShopRuleException e) {
            if ("flash-sold-out".equals(e.problemType())) {
                gate.soldOut(saleId);
            }
            throw e;
        } catch (EJBException e) {
            // the unique key (sale, holder) refused a second claim of the same buyer arriving at the same time
            if (flash.liveClaim(saleId, buyerId).isPresent()) {
                throw FlashSaleSteps.alreadyClaimed();
            }
            throw e;
        }
    }

    public List<FlashClaimView> claims(long buyerId) {
        return flash.claimsOf(buyerId, MAX_LISTED).stream().map(this::view).toList();
    }

    public FlashClaimView claimOf(long buyerId, long claimId) {
        return flash.claim(claimId).filter(c -> c.buyerId() == buyerId).map(this::view)
                .orElseThrow(() -> ShopRuleException.notFound("flash-claim"));
    }

    /** The claim's checkout (created once; again → the same one) and its bank payment: pay at its cashier URL. */
    public CheckoutView checkout(long buyerId, long claimId, Checkout.Contact contact) {
        long checkoutId;
        try {
            checkoutId = steps.checkout(buyerId, claimId, contact, Duration.ofSeconds(paySeconds), Instant.now());
        } catch (ShopRuleException e) {
            // a second tab checked the claim out at the same moment: that checkout is the one
            Long existing = flash.claim(claimId).filter(c -> c.buyerId() == buyerId).map(FlashClaim::checkoutId)
                    .orElse(null);
            if (existing == null || !"flash-claim-lapsed".equals(e.problemType())) {
                throw e;
            }
            checkoutId = existing;
        }
        return checkouts.pay(buyerId, checkoutId);
    }

    private FlashSaleView view(FlashSale s, boolean admin) {
        Item item = items.find(s.itemId()).orElse(null);
        ItemContent content = item == null ? null : item.publishedCopy();
        Instant now = Instant.now();
        return new FlashSaleView(s.id(), s.itemId(), content == null ? "" : content.title(), money(s.priceMinor()),
                content == null ? null : content.price().amount(), s.units(), s.remaining(), s.startsAt(),
                s.endsAt(), s.phase(now).name(), s.status().name(), s.claimHold().toSeconds(),
                admin ? flash.claimCounts(s.id()) : null);
    }

    private FlashClaimView view(FlashClaim c) {
        FlashSale sale = flash.sale(c.saleId()).orElseThrow();
        String title = items.find(sale.itemId()).map(Item::publishedCopy).map(ItemContent::title).orElse("");
        return new FlashClaimView(c.id(), c.saleId(), title, money(sale.priceMinor()), c.status().name(),
                c.holdUntil(), c.checkoutId());
    }

    private static BigDecimal money(long minor) {
        return BigDecimal.valueOf(minor, 2);
    }
}
