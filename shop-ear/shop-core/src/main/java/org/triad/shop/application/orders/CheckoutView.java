package org.triad.shop.application.orders;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.triad.shop.domain.model.order.CheckoutStatus;

/**
 * A checkout: its state, total, the bank's cashier URL once the payment exists ({@code paymentProblem} says why it
 * does not yet — the bank is unreachable — and the buyer can ask again), the hold and its orders.
 */
public record CheckoutView(long id, CheckoutStatus status, BigDecimal total, String paymentId, String cashierUrl,
                           String paymentProblem, Instant holdUntil, List<OrderView> orders) implements Serializable {
}
