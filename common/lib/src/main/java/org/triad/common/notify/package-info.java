/**
 * Signed merchant notifications of the Triad bank, for their receivers (the shop, any merchant on the JVM):
 * {@code SignedNotificationVerifier} checks a notification's {@code Triad-Signature} and returns the event.
 * The format is described in docs/payments.md ("Notifications").
 */
package org.triad.common.notify;
