/**
 * Organisation use cases: applications and their review, documents, departments, members and invitations, with
 * the isolation between organisations enforced on every call (see {@code OrganisationService}).
 */
package org.triad.bank.application.organisation;
