/**
 * Shop users: who signed in (with the bank or a local account), their roles (every user is a buyer; seller after a
 * bound payout card and the seller terms; shop admin), and the bank cards they bound (only the bank's opaque
 * per-app reference and the masked number).
 */
package org.triad.shop.domain.model.user;
