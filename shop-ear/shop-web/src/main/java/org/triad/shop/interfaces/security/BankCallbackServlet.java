package org.triad.shop.interfaces.security;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.triad.shop.application.AccountService;
import org.triad.shop.application.BankCard;
import org.triad.shop.application.UserView;
import org.triad.shop.infrastructure.bank.BankCards;
import org.triad.shop.infrastructure.bank.BankOidc;
import org.triad.shop.infrastructure.bank.BankSignInException;

/**
 * {@code GET /oauth/callback}, the redirect URI registered for {@code triad-shop}: completes the authorization
 * request its {@code state} names (single use). A sign-in signs the browser session in as the bank subject's shop
 * user (created the first time); a card binding lists the user's cards with the {@code cards:read} token (which is
 * then revoked at the bank: the shop keeps no bank token it does not need) and shows the choice. A failure goes back
 * to the sign-in page (or the account page) with a reason and signs nobody in.
 */
@WebServlet("/oauth/callback")
public class BankCallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(BankCallbackServlet.class.getName());

    @Inject
    transient BankOidc oidc;

    @Inject
    transient BankCards bankCards;

    @Inject
    transient SecurityContext security;

    @EJB
    transient AccountService accounts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        HttpSession session = request.getSession(false);
        String state = request.getParameter("state");
        BankOidc.Pending pending = null;
        if (session != null && state != null) {
            Map<String, BankOidc.Pending> inFlight = SignedIn.pending(session);
            synchronized (inFlight) {
                pending = inFlight.remove(state);
                session.setAttribute(SignedIn.PENDING, inFlight);
            }
        }
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        URI callback = URI.create(oidc.redirectUri() + "?" + query);
        BankOidc.BankTokens tokens;
        try {
            tokens = oidc.complete(callback, pending);
        } catch (BankSignInException e) {
            LOG.info(() -> "Sign-in with the bank refused (" + e.reason() + "): " + e.getMessage());
            boolean bind = pending != null && pending.purpose() == BankOidc.Purpose.BIND_CARD;
            response.sendRedirect(request.getContextPath() + (bind ? "/account/index.xhtml?bankError="
                    : ShopAuthenticationMechanism.SIGN_IN_PAGE + "?bankError=")
                    + URLEncoder.encode(e.reason(), StandardCharsets.UTF_8));
            return;
        }
        if (pending.purpose() == BankOidc.Purpose.BIND_CARD) {
            bindCard(request, response, tokens);
            return;
        }
        AccountService.BankSignIn signIn = accounts.signInWithBank(tokens.subject(), tokens.name(), tokens.email(),
                false);
        if (signIn.user() == null) {
            // the bank's e-mail is that of a local account: the person proves its password before anything is linked
            request.getSession().setAttribute(PendingLink.ATTRIBUTE, new PendingLink(signIn.linkCandidateLogin(),
                    tokens, pending.next()));
            response.sendRedirect(request.getContextPath() + "/link.xhtml");
            return;
        }
        UserView user = signIn.user();
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new ShopCredential(new SignedIn(user.id(), "bank", tokens))).newAuthentication(true));
        if (status != AuthenticationStatus.SUCCESS) {
            response.sendRedirect(request.getContextPath() + ShopAuthenticationMechanism.SIGN_IN_PAGE
                    + "?bankError=refused");
            return;
        }
        response.sendRedirect(request.getContextPath() + SafeNext.of(pending.next()));
    }

    private void bindCard(HttpServletRequest request, HttpServletResponse response, BankOidc.BankTokens tokens)
            throws IOException {
        SignedIn signedIn = SignedIn.of(request);
        String account = request.getContextPath() + "/account/index.xhtml";
        UserView user = signedIn == null ? null : accounts.user(signedIn.userId()).orElse(null);
        if (user == null) {
            oidc.revoke(tokens.refreshToken());
            response.sendRedirect(request.getContextPath() + ShopAuthenticationMechanism.SIGN_IN_PAGE);
            return;
        }
        String expected = accounts.bankSubjectOf(user.id());
        if (expected != null && !expected.equals(tokens.subject())) {
            // another bank customer consented in this browser: their cards are not this shop user's to bind
            oidc.revoke(tokens.refreshToken());
            response.sendRedirect(account + "?bankError=other-customer");
            return;
        }
        List<BankCard> cards;
        try {
            cards = bankCards.list(tokens.accessToken());
        } catch (BankSignInException e) {
            oidc.revoke(tokens.refreshToken());
            response.sendRedirect(account + "?bankError=" + URLEncoder.encode(e.reason(), StandardCharsets.UTF_8));
            return;
        }
        oidc.revoke(tokens.refreshToken());
        if (expected == null) {
            accounts.linkBank(user.id(), tokens.subject());
        }
        accounts.bankListed(user.id(), cards.stream().map(BankCard::cardRef).collect(Collectors.toSet()));
        request.getSession().setAttribute(SignedIn.CARDS, new ArrayList<>(cards));
        response.sendRedirect(request.getContextPath() + "/account/bind-card.xhtml");
    }
}
