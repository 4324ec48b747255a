/**
 * Organisations over REST: a customer's organisations and members, and the clerk's review.
 */
package org.triad.bank.interfaces.organisation.rest;
