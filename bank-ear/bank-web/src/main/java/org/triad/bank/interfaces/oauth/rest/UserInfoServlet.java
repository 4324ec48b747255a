package org.triad.bank.interfaces.oauth.rest;

import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.triad.bank.application.oauth.OAuthGrants;
import org.triad.bank.application.oauth.OAuthProvider;
import org.triad.bank.domain.model.oauth.Scopes;

/**
 * The UserInfo endpoint, for tokens with {@code openid} or {@code identify}: claims by the token's scopes
 * ({@code profile}: name, preferred_username; {@code identify}: name, identity_verified; {@code email}: email,
 * email_verified; {@code phone}: phone_number, phone_number_verified false, when the customer gave one). {@code user_id} repeats {@code sub} for Odoo's {@code auth_oauth}, which reads it. The token comes
 * as {@code Authorization: Bearer} or as the {@code access_token} parameter (Odoo sends it so).
 */
@WebServlet(urlPatterns = OAuthEndpoints.USERINFO)
public class UserInfoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** With {@code identify}: whether the bank verified the customer's identity (KYC approved by a clerk). */
    static final String IDENTITY_VERIFIED = "identity_verified";

    @EJB
    transient OAuthGrants grants;

    @EJB
    transient OAuthProvider provider;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = BearerToken.from(request);
        if (token == null) {
            BearerToken.missing(response);
            return;
        }
        Optional<OAuthGrants.Access> access = token.isEmpty() ? Optional.empty() : grants.verify(token);
        if (access.isEmpty()) {
            BearerToken.invalid(response);
            return;
        }
        if (access.get().customerId() == null) {
            BearerToken.withoutUser(response);
            return;
        }
        Set<String> scopes = access.get().scopes();
        // openid (OIDC) or identify (the brief's apps, e.g. Odoo configured with "identify email")
        if (!scopes.contains(Scopes.OPENID) && !scopes.contains(Scopes.IDENTIFY)) {
            BearerToken.insufficientScope(response, Scopes.OPENID);
            return;
        }
        Optional<OAuthProvider.Person> person = provider.person(access.get().customerId());
        if (person.isEmpty()) {
            BearerToken.invalid(response);
            return;
        }
        OAuthProvider.Person p = person.get();
        String sub = String.valueOf(p.id());
        UserInfo info = new UserInfo(new Subject(sub));
        info.setClaim("user_id", sub);
        if (scopes.contains(Scopes.PROFILE)) {
            info.setName(p.name());
            info.setPreferredUsername(p.email());
        }
        if (scopes.contains(Scopes.IDENTIFY)) {
            info.setName(p.name());
            info.setClaim(IDENTITY_VERIFIED, p.identityVerified());
        }
        if (scopes.contains(Scopes.PHONE) && p.phone() != null) {
            info.setPhoneNumber(p.phone());
            info.setPhoneNumberVerified(false);
        }
        if (scopes.contains(Scopes.EMAIL)) {
            info.setEmailAddress(p.email());
            info.setEmailVerified(p.emailVerified());
        }
        response.setHeader("Access-Control-Allow-Origin", "*");
        OAuthHttp.json(response, 200, info.toJSONObject());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }
}
