/**
 * Use cases of the CA. Each public method of a {@code @Stateless} service here is one JTA
 * transaction; boundary services that must audit a failure run outside a transaction and record
 * the failure in a new one, after the failed transaction has rolled back.
 */
package org.triad.ca.application;
