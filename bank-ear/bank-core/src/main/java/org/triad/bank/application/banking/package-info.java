/**
 * Banking as customers use it: deposits, withdrawals and transfers ({@code Banking}, the entry point that checks
 * confirmations), their one retried path into the ledger ({@code MoneyMovements}), cards ({@code CardService}) and
 * history. The transactional worker that posts to the ledger is in {@code internal}.
 */
package org.triad.bank.application.banking;
