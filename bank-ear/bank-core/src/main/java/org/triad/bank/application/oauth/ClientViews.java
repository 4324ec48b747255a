package org.triad.bank.application.oauth;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.triad.bank.domain.model.customer.Customer;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.oauth.OAuthClient;
import org.triad.bank.domain.model.organisation.Organisation;
import org.triad.bank.domain.model.organisation.OrganisationRepository;

/**
 * Builds the {@link ClientView} of an app. The owner shown on the console, the review queue and the consent page is
 * the organisation for an organisation's app, else the customer who registered it.
 */
@Dependent
class ClientViews {

    @Inject
    CustomerRepository customers;

    @Inject
    OrganisationRepository organisations;

    ClientView of(OAuthClient c) {
        String organisation = c.organisationId() == null ? null
                : organisations.find(c.organisationId()).map(Organisation::name).orElse("?");
        String owner = organisation != null ? organisation
                : customers.find(c.ownerId()).map(Customer::nickname).orElse("?");
        return ClientView.of(c, owner, organisation);
    }
}
