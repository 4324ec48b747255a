/**
 * The payment rail: merchants (approved apps with the {@code payments} scope), per-app card references, payments
 * created by merchants and paid by buyers at the cashier, refunds, expiry, and the notifications merchants get.
 * {@code PaymentService} is the entry point (no transaction of its own: it checks confirmations, then retries lock
 * conflicts around the transactional steps in {@code internal}); every movement of money is one settlement on the
 * ledger ({@code banking.internal.Ledger#settle}) in the same transaction as the payment's change of state.
 */
package org.triad.bank.application.payments;
