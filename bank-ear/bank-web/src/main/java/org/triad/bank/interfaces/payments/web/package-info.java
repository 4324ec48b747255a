/**
 * The cashier (the buyer's payment page). Empty until the payment-rail issue lands.
 */
package org.triad.bank.interfaces.payments.web;
