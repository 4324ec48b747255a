/**
 * Payments of merchants (approved open-platform apps with the {@code payments} scope): the {@link
 * org.triad.bank.domain.model.payment.Merchant} profile, per-app {@link
 * org.triad.bank.domain.model.payment.CardReference}s, a {@link org.triad.bank.domain.model.payment.Payment} with
 * one line per payee and its {@link org.triad.bank.domain.model.payment.Refund}s. States: {@code CREATED → PAID |
 * EXPIRED | CANCELLED}, {@code PAID → PARTIALLY_REFUNDED → REFUNDED}; only the aggregate changes them.
 */
package org.triad.bank.domain.model.payment;
