/**
 * The merchant payment API. Empty until the payment-rail issue lands.
 */
package org.triad.bank.interfaces.payments.rest;
