/**
 * Cart, checkout through the bank, settlement of the bank's payment events, orders and refunds, and the
 * reconciliation that keeps them true when notifications are lost. Facades that call the bank run outside
 * transactions ({@code CheckoutService}, {@code OrderService}, {@code Reconciliation}); the changes are the
 * transactions of {@code CheckoutSteps}, {@code OrderSteps} and {@code SettlementService}, each taking the
 * checkout's row lock first.
 */
package org.triad.shop.application.orders;
