/**
 * Screens of a customer's own account: registration, activation, password reset, profile.
 */
package org.triad.bank.interfaces.customer.web;
