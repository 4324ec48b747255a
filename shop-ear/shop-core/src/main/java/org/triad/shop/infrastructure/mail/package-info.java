/** Outgoing mail of the shop (activation and reset codes), sent after the transaction that asked for it commits. */
package org.triad.shop.infrastructure.mail;
