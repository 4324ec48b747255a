/**
 * Checkouts, orders (one per seller of a checkout), their lines and timelines, refund requests and the bank events
 * applied to them. {@link org.triad.shop.domain.model.order.OrderStatus} is the order's state machine.
 */
package org.triad.shop.domain.model.order;
