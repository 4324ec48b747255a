/**
 * Customers and staff (one aggregate with a role): registration and activation state, KYC review, credentials
 * (slow hashes only), login lockout, and the login sessions created at each sign-in.
 */
package org.triad.bank.domain.model.customer;
