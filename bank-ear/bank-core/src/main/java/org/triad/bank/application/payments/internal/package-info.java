/**
 * The transactional steps of the payment rail. Each public method is one JTA transaction whose first statement
 * locks the payment row ({@code SELECT ... FOR UPDATE}), so that its reads see what the previous holder committed,
 * then changes the payment, settles its money on the ledger and records the merchant's notification in the outbox.
 */
package org.triad.bank.application.payments.internal;
