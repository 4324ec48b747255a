package org.triad.shop.application.orders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.triad.shop.domain.model.order.OrderLine;
import org.triad.shop.domain.model.order.OrderRepository;
import org.triad.shop.domain.model.order.ShopOrder;
import org.triad.shop.domain.model.user.ShopUser;
import org.triad.shop.domain.model.user.ShopUserRepository;

/** Builds {@link OrderView}s with the names of buyers and sellers and the lines, a few queries per page. */
@ApplicationScoped
class OrderViews {

    @Inject
    OrderRepository orders;

    @Inject
    ShopUserRepository users;

    List<OrderView> of(List<ShopOrder> list) {
        Map<Long, List<OrderLine>> lines = orders.lines(list.stream().map(ShopOrder::id).toList()).stream()
                .collect(Collectors.groupingBy(OrderLine::orderId));
        Map<Long, String> names = new HashMap<>();
        return list.stream().map(o -> view(o, lines.getOrDefault(o.id(), List.of()), names)).toList();
    }

    OrderView of(ShopOrder order) {
        return view(order, orders.lines(order.id()), new HashMap<>());
    }

    String name(Long userId, Map<Long, String> cache) {
        if (userId == null) {
            return null;
        }
        return cache.computeIfAbsent(userId, id -> users.find(id).map(ShopUser::nickname).orElse("#" + id));
    }

    private OrderView view(ShopOrder o, List<OrderLine> lines, Map<Long, String> names) {
        return new OrderView(o.id(), o.checkoutId(), o.buyerId(), name(o.buyerId(), names), o.sellerId(),
                name(o.sellerId(), names), o.status(), Money.of(o.totalMinor()), Money.of(o.refundedMinor()),
                o.carrier(), o.trackingNumber(), o.createdAt(), o.paidAt(), o.shippedAt(), o.completedAt(),
                lines.stream().map(l -> new OrderView.Line(l.id(), l.itemId(), l.title(), l.options(),
                        Money.of(l.unitPriceMinor()), l.quantity(), Money.of(l.totalMinor()))).toList(), o.version());
    }
}
