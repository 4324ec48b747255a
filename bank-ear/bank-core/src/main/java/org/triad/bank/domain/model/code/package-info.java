/**
 * One-time codes sent by email: 6 digits, stored only as a slow hash, valid 10 minutes, 5 attempts, single use,
 * bound to one purpose (and optionally one subject such as a card).
 */
package org.triad.bank.domain.model.code;
