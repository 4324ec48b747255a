/**
 * What every feature of the bank uses: the audit log, one-time email codes, password hashing ({@code Passwords}),
 * fast hashes and random tokens ({@code Hashes}), work after commit ({@code AfterCommit}), the durable outbox ({@code Outbox}: merchant notifications, mails,
 * back-channel logout; delivered by {@code OutboxRelay}, listed and resent through {@code OutboxDeliveries}), the retry
 * of lock conflicts ({@code LockConflicts}) and the development seed.
 */
package org.triad.bank.application.support;
