package org.triad.bank.application.identity;

/**
 * A device session of an OAuth client ended (signed out by the customer or the bank, consent withdrawn, theft
 * detected, ...). Fired inside the transaction that ends it; observers that talk to the outside world act after
 * the commit.
 *
 * @param customerId the customer (the {@code sub} of the session's tokens)
 * @param clientId   the OAuth client the session belongs to
 * @param handle     the session's handle (the {@code sid} of its tokens)
 * @param reason     why it ended, as stored with the session
 */
public record DeviceSessionEnded(long customerId, String clientId, String handle, String reason) {
}
