/** Outgoing mail over SMTP (Jakarta Mail), sent after the transaction that asked for it has committed. */
package org.triad.bank.infrastructure.mail;
