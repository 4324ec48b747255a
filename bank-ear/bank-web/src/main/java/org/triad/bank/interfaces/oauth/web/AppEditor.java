package org.triad.bank.interfaces.oauth.web;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.primefaces.model.file.UploadedFile;
import org.triad.bank.application.oauth.AppForm;
import org.triad.bank.application.oauth.ClientView;
import org.triad.bank.application.oauth.OpenPlatform;
import org.triad.bank.domain.model.oauth.OAuthClient;
import org.triad.bank.domain.model.oauth.Scopes;
import org.triad.bank.interfaces.support.web.CurrentUser;

/**
 * Registers or edits an app in the developer console. A new confidential app's secret is shown once, right after
 * registration. Edits of the redirect URIs, more scopes or the legacy flag send an approved app back to review.
 */
@Named
@ViewScoped
public class AppEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient OpenPlatform platform;

    @Inject
    CurrentUser user;

    private Long appId;
    private boolean loaded;
    private String name;
    private String homepage;
    private String redirectUris;
    private String postLogoutUris;
    private String backchannelLogoutUri;
    private List<String> scopes = new ArrayList<>(List.of(Scopes.OPENID, Scopes.PROFILE, Scopes.EMAIL));
    private boolean confidential = true;
    private boolean legacyImplicit;
    /** Registering for an organisation the customer administers (null: a personal app); fixed once registered. */
    private Long organisationId;
    private List<OpenPlatform.OrganisationChoice> organisationChoices;
    private transient UploadedFile icon;
    private ClientView saved;
    private String secret;

    /** When the view is created: the app to edit ({@code ?id=}), or a new one. */
    @jakarta.annotation.PostConstruct
    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        if (id == null || id.isBlank()) {
            return;
        }
        try {
            ClientView app = platform.app(user.id(), Long.parseLong(id));
            appId = app.id();
            name = app.name();
            homepage = app.homepage();
            redirectUris = app.redirectUrisText();
            postLogoutUris = app.postLogoutUrisText();
            backchannelLogoutUri = app.backchannelLogoutUri();
            scopes = new ArrayList<>(app.scopes());
            confidential = app.confidential();
            legacyImplicit = app.legacyImplicit();
            organisationId = app.organisationId();
            saved = app;
        } catch (RuntimeException e) {
            OAuthTexts.failed("apps.failed", e);
        }
    }

    public void save() {
        try {
            byte[] bytes = icon == null || icon.getSize() == 0 ? null : icon.getContent();
            if (icon != null && icon.getSize() > OAuthClient.MAX_ICON_BYTES) {
                OAuthTexts.error("apps.failed", OAuthTexts.text("apps.icon.tooBig"));
                return;
            }
            AppForm form = new AppForm(name, homepage, redirectUris, postLogoutUris, new LinkedHashSet<>(scopes),
                    confidential, legacyImplicit, organisationId, bytes, icon == null ? null : icon.getContentType(),
                    backchannelLogoutUri);
            if (appId == null) {
                OpenPlatform.Registered registered = platform.register(user.id(), form);
                saved = registered.app();
                appId = saved.id();
                secret = registered.clientSecret();
                OAuthTexts.info("apps.registered", OAuthTexts.text("apps.registered.detail"));
            } else {
                saved = platform.update(user.id(), appId, form);
                OAuthTexts.info("apps.updated", OAuthTexts.text("apps.status." + saved.status().name()));
            }
        } catch (RuntimeException e) {
            OAuthTexts.failed("apps.failed", e);
        } finally {
            icon = null;
        }
    }

    /** The approved organisations the customer administers, offered as owner of a new app. */
    public List<OpenPlatform.OrganisationChoice> getOrganisationChoices() {
        if (organisationChoices == null) {
            organisationChoices = platform.organisationsFor(user.id());
        }
        return organisationChoices;
    }

    public Long getOrganisationId() {
        return organisationId;
    }

    public void setOrganisationId(Long organisationId) {
        this.organisationId = organisationId;
    }

    public List<String> getAllScopes() {
        return Scopes.ALL;
    }

    public String scopeLabel(String scope) {
        return scope + " — " + OAuthTexts.scope(scope);
    }

    public boolean isNew() {
        return appId == null;
    }

    public Long getAppId() {
        return appId;
    }

    public ClientView getSaved() {
        return saved;
    }

    public String getSecret() {
        return secret;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getHomepage() {
        return homepage;
    }

    public void setHomepage(String homepage) {
        this.homepage = homepage;
    }

    public String getRedirectUris() {
        return redirectUris;
    }

    public void setRedirectUris(String redirectUris) {
        this.redirectUris = redirectUris;
    }

    public String getPostLogoutUris() {
        return postLogoutUris;
    }

    public void setPostLogoutUris(String postLogoutUris) {
        this.postLogoutUris = postLogoutUris;
    }

    public String getBackchannelLogoutUri() {
        return backchannelLogoutUri;
    }

    public void setBackchannelLogoutUri(String backchannelLogoutUri) {
        this.backchannelLogoutUri = backchannelLogoutUri;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes;
    }

    public boolean isConfidential() {
        return confidential;
    }

    public void setConfidential(boolean confidential) {
        this.confidential = confidential;
    }

    public boolean isLegacyImplicit() {
        return legacyImplicit;
    }

    public void setLegacyImplicit(boolean legacyImplicit) {
        this.legacyImplicit = legacyImplicit;
    }

    public UploadedFile getIcon() {
        return icon;
    }

    public void setIcon(UploadedFile icon) {
        this.icon = icon;
    }
}
