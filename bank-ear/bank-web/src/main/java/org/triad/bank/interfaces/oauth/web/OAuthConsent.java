package org.triad.bank.interfaces.oauth.web;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.triad.bank.application.oauth.ClientView;
import org.triad.bank.application.oauth.OAuthProvider;
import org.triad.bank.interfaces.oauth.rest.AuthorizationResponder;
import org.triad.bank.interfaces.oauth.rest.PendingAuthorization;
import org.triad.bank.interfaces.oauth.rest.PendingAuthorizations;
import org.triad.bank.interfaces.security.BankAuthenticationMechanism;
import org.triad.bank.interfaces.support.web.CurrentUser;

/**
 * The consent page of an authorization request: the app (name, icon, homepage, owner) and what it will get; approve
 * remembers the consent and sends the browser back to the app with a code (or token), deny with
 * {@code access_denied}.
 */
@Named
@ViewScoped
public class OAuthConsent implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient OAuthProvider provider;

    @Inject
    transient AuthorizationResponder responder;

    @Inject
    PendingAuthorizations pending;

    @Inject
    transient BankAuthenticationMechanism mechanism;

    @Inject
    CurrentUser user;

    private String requestId;
    private ClientView app;

    public String getRequestId() {
        if (requestId == null) {
            requestId = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("request");
        }
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }

    public PendingAuthorization getRequest() {
        return pending.peek(getRequestId());
    }

    public ClientView getApp() {
        if (app == null && getRequest() != null) {
            app = provider.client(getRequest().clientId()).orElse(null);
        }
        return app;
    }

    public List<ScopeLine> getScopes() {
        PendingAuthorization p = getRequest();
        return p == null ? List.of() : p.scopes().stream().map(s -> new ScopeLine(s, OAuthTexts.scope(s))).toList();
    }

    public record ScopeLine(String scope, String description) implements Serializable {
    }

    public void approve() throws IOException {
        PendingAuthorization p = pending.take(getRequestId());
        if (p == null) {
            OAuthTexts.error("consent.failed", OAuthTexts.text("consent.expired"));
            return;
        }
        try {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            provider.grantConsent(user.id(), p.clientPk(), p.scopes());
            String ua = request.getHeader("User-Agent");
            external.redirect(responder.grant(p, user.id(), provider.signedInAt(mechanism.currentToken(request)),
                    ua == null ? null : ua.substring(0, Math.min(ua.length(), 250)), request.getRemoteAddr()).toString());
        } catch (RuntimeException e) {
            OAuthTexts.failed("consent.failed", e);
        }
    }

    public void deny() throws IOException {
        PendingAuthorization p = pending.take(getRequestId());
        if (p == null) {
            OAuthTexts.error("consent.failed", OAuthTexts.text("consent.expired"));
            return;
        }
        FacesContext.getCurrentInstance().getExternalContext().redirect(responder.denied(p).toString());
    }
}
