package org.triad.shop.application.orders;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.triad.shop.domain.model.cart.CartLine;
import org.triad.shop.domain.model.cart.CartRepository;
import org.triad.shop.domain.model.item.Item;
import org.triad.shop.domain.model.item.ItemContent;
import org.triad.shop.domain.model.item.ItemRepository;
import org.triad.shop.domain.model.shared.ShopRuleException;
import org.triad.shop.domain.model.user.ShopUser;
import org.triad.shop.domain.model.user.ShopUserRepository;

/**
 * Carts: a signed-in user's is stored under {@code u:<id>}, an anonymous visitor's under {@code a:<token>} (a random
 * cookie value); the two are merged at sign-in. Every view re-reads price, stock and availability and says what
 * changed since the buyer last looked. One transaction per method.
 */
@Stateless
public class CartService {

    public static final int MAX_LINES = 50;

    @Inject
    CartRepository carts;

    @Inject
    ItemRepository items;

    @Inject
    ShopUserRepository users;

    public static String userOwner(long userId) {
        return "u:" + userId;
    }

    /** The owner key of an anonymous cart token ({@code [A-Za-z0-9_-]{22,43}}), or null for anything else. */
    public static String anonymousOwner(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{22,43}") ? "a:" + token : null;
    }

    public CartView view(String owner) {
        Instant now = Instant.now();
        List<CartView.Line> lines = new ArrayList<>();
        long total = 0;
        int units = 0;
        boolean changed = false;
        Map<Long, String> names = new HashMap<>();
        for (CartLine line : carts.lines(owner)) {
            Item item = items.find(line.itemId()).orElse(null);
            boolean available = item != null && items.isVisible(item.id());
            ItemContent content = item == null ? null : item.publishedCopy();
            long price = content == null ? line.seenPriceMinor() : content.price().minor();
            String notice = null;
            if (!available) {
                notice = "unavailable";
            } else if (price != line.seenPriceMinor()) {
                notice = "price-changed";
            } else if (item.stock() < line.quantity()) {
                notice = "not-enough-stock";
            }
            changed |= notice != null;
            long lineTotal = Math.multiplyExact(price, line.quantity());
            if (available) {
                total += lineTotal;
                units += line.quantity();
            }
            lines.add(new CartView.Line(line.id(), line.itemId(), content == null ? "?" : content.title(),
                    line.options(), line.quantity(), Money.of(price),
                    "price-changed".equals(notice) ? Money.of(line.seenPriceMinor()) : null, Money.of(lineTotal),
                    item == null ? 0 : item.stock(), available, item == null ? 0 : item.sellerId(),
                    item == null ? "" : names.computeIfAbsent(item.sellerId(),
                            id -> users.find(id).map(ShopUser::nickname).orElse("")), notice));
            if (available) {
                line.seen(price, now);
            }
        }
        return new CartView(lines, Money.of(total), units, changed);
    }

    /** Adds units of an item buyers may buy now (more of the same line adds up); more than in stock is refused. */
    public CartView add(String owner, long itemId, int quantity, String options) {
        CartLine.checked(quantity);
        Item item = items.find(itemId).filter(i -> items.isVisible(i.id()))
                .orElseThrow(() -> ShopRuleException.notFound("item"));
        String opts = checkedOptions(options);
        Instant now = Instant.now();
        long price = item.publishedCopy().price().minor();
        CartLine line = carts.line(owner, itemId, opts).orElse(null);
        int wanted = line == null ? quantity : line.quantity() + quantity;
        if (wanted > item.stock()) {
            throw new ShopRuleException("not-enough-stock", 409, "quantity",
                    item.stock() == 0 ? "This item is sold out." : "Only " + item.stock() + " left in stock.");
        }
        if (line == null) {
            if (carts.lines(owner).size() >= MAX_LINES) {
                throw new ShopRuleException("cart-full", 409, null, "A cart holds at most " + MAX_LINES + " lines.");
            }
            carts.add(new CartLine(owner, itemId, opts, quantity, price, now));
        } else {
            line.setQuantity(wanted, now);
            line.seen(price, now);
        }
        return view(owner);
    }

    public CartView setQuantity(String owner, long lineId, int quantity) {
        CartLine line = carts.line(owner, lineId).orElseThrow(() -> ShopRuleException.notFound("cart-line"));
        CartLine.checked(quantity);
        Item item = items.find(line.itemId()).orElse(null);
        if (item != null && quantity > line.quantity() && quantity > item.stock()) {
            throw new ShopRuleException("not-enough-stock", 409, "quantity",
                    "Only " + item.stock() + " left in stock.");
        }
        line.setQuantity(quantity, Instant.now());
        return view(owner);
    }

    public CartView remove(String owner, long lineId) {
        carts.line(owner, lineId).ifPresent(carts::remove);
        return view(owner);
    }

    /** At sign-in: the anonymous cart's lines join the user's (the same item and options add up). */
    public void merge(String anonymousOwner, long userId) {
        if (anonymousOwner == null || !anonymousOwner.startsWith("a:")) {
            return;
        }
        String owner = userOwner(userId);
        Instant now = Instant.now();
        for (CartLine line : carts.lines(anonymousOwner)) {
            CartLine existing = carts.line(owner, line.itemId(), line.options()).orElse(null);
            if (existing == null) {
                line.moveTo(owner, now);
            } else {
                existing.setQuantity(Math.min(CartLine.MAX_QUANTITY, existing.quantity() + line.quantity()), now);
                carts.remove(line);
            }
        }
    }

    public int count(String owner) {
        return carts.lines(owner).stream().mapToInt(CartLine::quantity).sum();
    }

    static String checkedOptions(String options) {
        String o = options == null ? "" : options.strip();
        if (o.length() > 200) {
            throw ShopRuleException.invalid("options", "Options have at most 200 characters.");
        }
        return o;
    }
}
