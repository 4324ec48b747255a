/**
 * Screens of device sessions (the customer's devices) and of the provider's signing keys (back office).
 */
package org.triad.bank.interfaces.identity.web;
