package org.triad.bank.interfaces.organisation.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.triad.bank.application.organisation.OrganisationService;
import org.triad.bank.application.organisation.OrganisationViews.OrganisationView;
import org.triad.bank.interfaces.support.web.CurrentUser;

/** Portal: the organisations the customer belongs to, with status and role. */
@Named
@RequestScoped
public class MyOrganisations {

    @EJB
    OrganisationService organisations;

    @Inject
    CurrentUser user;

    private List<OrganisationView> mine;

    public List<OrganisationView> getMine() {
        if (mine == null) {
            try {
                mine = organisations.mine(user.id());
            } catch (RuntimeException e) {
                mine = List.of();
                OrganisationMessages.failed("organisations.loadFailed", e);
            }
        }
        return mine;
    }
}
