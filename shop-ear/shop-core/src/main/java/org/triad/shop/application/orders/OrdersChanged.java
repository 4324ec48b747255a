package org.triad.shop.application.orders;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.triad.shop.domain.model.order.ShopOrder;

/** Orders changed in the current transaction; observed after success (live updates on this instance at once). */
public record OrdersChanged(Set<Long> orderIds, Set<Long> userIds) {

    static OrdersChanged of(List<ShopOrder> orders) {
        return new OrdersChanged(orders.stream().map(ShopOrder::id).collect(Collectors.toSet()),
                orders.stream().flatMap(o -> java.util.stream.Stream.of(o.buyerId(), o.sellerId()))
                        .collect(Collectors.toSet()));
    }

    static OrdersChanged of(ShopOrder order) {
        return of(List.of(order));
    }
}
