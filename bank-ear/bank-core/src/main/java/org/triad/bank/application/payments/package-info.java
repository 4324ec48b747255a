/**
 * The payment rail (merchant payments, the cashier, refunds, notifications to merchants). Empty until the
 * payment-rail issue lands; its movements go through {@code banking.MoneyMovements} like every other.
 */
package org.triad.bank.application.payments;
