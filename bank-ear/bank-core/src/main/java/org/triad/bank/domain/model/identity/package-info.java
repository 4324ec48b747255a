/**
 * Tokens and devices (issue 5): device kinds, the bank's JWT signing keys, refresh tokens and the list of revoked
 * device sessions. The device session itself is {@link org.triad.bank.domain.model.customer.LoginSession}.
 */
package org.triad.bank.domain.model.identity;
