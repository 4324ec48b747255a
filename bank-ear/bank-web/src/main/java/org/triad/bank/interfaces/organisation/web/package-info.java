/**
 * Screens of enterprise customers: applying for an organisation, its members and invitations, the clerk's review.
 */
package org.triad.bank.interfaces.organisation.web;
