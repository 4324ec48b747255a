/**
 * Customers over REST: registration, activation, profile and its codes.
 */
package org.triad.bank.interfaces.customer.rest;
