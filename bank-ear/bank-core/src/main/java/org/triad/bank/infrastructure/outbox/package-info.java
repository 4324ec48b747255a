/**
 * The outbox's way out to merchants: {@code MerchantNotifier} POSTs a merchant notification over Triad TLS,
 * signed by {@code NotificationSigner} with the bank's CA-issued {@code signing} key (a detached ES256 JWS in
 * {@code Triad-Signature}). The relay that calls it is {@code application.support.OutboxRelay}.
 */
package org.triad.bank.infrastructure.outbox;
