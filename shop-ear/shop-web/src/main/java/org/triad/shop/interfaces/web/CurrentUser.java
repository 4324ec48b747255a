package org.triad.shop.interfaces.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import java.util.UUID;
import org.triad.shop.application.AccountService;
import org.triad.shop.application.UserView;
import org.triad.shop.domain.model.user.ShopRoles;
import org.triad.shop.infrastructure.bank.BankOidc;
import org.triad.shop.interfaces.security.SignedIn;

/** Who is signed in to the shop's screens (menu, page guards), and signing out (of the shop, or of shop and bank). */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext security;

    @Inject
    BankOidc oidc;

    @EJB
    AccountService accounts;

    private UserView profile;

    public boolean isSignedIn() {
        return security.getCallerPrincipal() != null;
    }

    public boolean isSeller() {
        return security.isCallerInRole(ShopRoles.SELLER);
    }

    public boolean isShopAdmin() {
        return security.isCallerInRole(ShopRoles.SHOP_ADMIN);
    }

    /** Whether this session came through the bank (so "sign out of the bank too" makes sense). */
    public boolean isBankSession() {
        SignedIn s = SignedIn.of(request());
        return s != null && s.bank() != null;
    }

    /** The caller's shop user id, or null. */
    public Long idOrNull() {
        Principal caller = security.getCallerPrincipal();
        return caller == null ? null : Long.valueOf(caller.getName());
    }

    public long id() {
        Long id = idOrNull();
        if (id == null) {
            throw new IllegalStateException("Nobody is signed in.");
        }
        return id;
    }

    public String getName() {
        UserView me = getProfile();
        return me == null ? null : me.nickname();
    }

    public UserView getProfile() {
        if (profile == null && isSignedIn()) {
            profile = accounts.user(id()).orElse(null);
        }
        return profile;
    }

    /** Signs out of the shop; the bank's device session of this sign-in ends too (RFC 7009), its portal stays. */
    public void signOut() throws IOException {
        end(false);
    }

    /** Signs out of the shop and of the bank (RP-initiated logout): the bank comes back to the shop's home. */
    public void signOutEverywhere() throws IOException {
        end(true);
    }

    private void end(boolean bankToo) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = request();
        SignedIn signedIn = SignedIn.of(request);
        external.invalidateSession();
        try {
            request.logout();
        } catch (ServletException e) {
            // the session that carried the sign-in is gone already
        }
        if (signedIn != null && signedIn.bank() != null) {
            if (bankToo) {
                external.redirect(oidc.endSessionUri(signedIn.bank().idToken(), UUID.randomUUID().toString())
                        .toString());
                return;
            }
            oidc.revoke(signedIn.bank().refreshToken());
        }
        external.redirect(external.getRequestContextPath() + "/index.xhtml?signedOut=true");
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
