/**
 * Organisations that customers apply for (eight types, checked registration numbers), their qualification
 * documents, department tree, memberships and e-mail invitations. Every rule that needs only the aggregate's own
 * state lives here; who may do what (membership and role in that very organisation) is checked by
 * {@code application.OrganisationService}.
 */
package org.triad.bank.domain.model.organisation;
