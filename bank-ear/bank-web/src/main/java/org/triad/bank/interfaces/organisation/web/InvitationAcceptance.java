package org.triad.bank.interfaces.organisation.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.triad.bank.application.organisation.OrganisationService;
import org.triad.bank.application.organisation.OrganisationViews.OrganisationView;
import org.triad.bank.interfaces.support.web.CurrentUser;

/**
 * Portal: the page an invitation mail links to ({@code ?token=}); the sign-in page comes first when needed, and
 * the invitation only works for the account with the invited address.
 */
@Named
@ViewScoped
public class InvitationAcceptance implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient OrganisationService organisations;

    @Inject
    CurrentUser user;

    private String token;
    private OrganisationView joined;

    /** Opened from the mail as {@code organisation-invitation.xhtml?token=<token>}. */
    @jakarta.annotation.PostConstruct
    void init() {
        token = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext()
                .getRequestParameterMap().get("token");
    }

    public void accept() {
        try {
            joined = organisations.accept(user.id(), token);
            OrganisationMessages.info("invitation.accepted",
                    OrganisationMessages.text("invitation.accepted.detail", joined.name()));
        } catch (RuntimeException e) {
            OrganisationMessages.failed("invitation.failed", e);
        }
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public OrganisationView getJoined() {
        return joined;
    }
}
