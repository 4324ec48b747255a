package org.triad.bank.application.oauth;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.bank.application.support.AuditLog;
import org.triad.bank.application.support.Hashes;
import org.triad.bank.domain.model.customer.Customer;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.customer.CustomerStatus;
import org.triad.bank.domain.model.customer.KycStatus;
import org.triad.bank.domain.model.customer.LoginSession;
import org.triad.bank.domain.model.customer.LoginSessionRepository;
import org.triad.bank.domain.model.oauth.AuthorizationCode;
import org.triad.bank.domain.model.oauth.Consent;
import org.triad.bank.domain.model.oauth.OAuthClient;
import org.triad.bank.domain.model.oauth.OAuthRepository;

/**
 * The provider's decisions that need the database: which app is asking, whether the customer already consented,
 * authorization codes (single use, {@code triad.bank.oauth.code-seconds}, PKCE), the claims of a customer.
 * Outcomes of code redemption are results, not exceptions: a reused code revokes what the first use issued, and
 * that revocation must commit.
 */
@Stateless
public class OAuthProvider {

    @Inject
    OAuthRepository repository;

    @Inject
    CustomerRepository customers;

    @Inject
    LoginSessionRepository loginSessions;

    @Inject
    AuditLog audit;

    @Inject
    ClientViews views;

    @Inject
    @ConfigProperty(name = "triad.bank.oauth.code-seconds", defaultValue = "60")
    long codeSeconds;

    /** An app by its client_id, whatever its review status (the caller decides what an unapproved app gets). */
    public Optional<ClientView> client(String clientId) {
        return repository.findByClientId(clientId).map(this::view);
    }

    /**
     * Client authentication of a confidential app: the app if the secret matches (whatever its status), empty
     * otherwise. Public apps never authenticate with a secret.
     */
    public Optional<ClientView> authenticate(String clientId, String secret) {
        Optional<OAuthClient> client = repository.findByClientId(clientId);
        if (client.isEmpty() || !client.get().isConfidential()) {
            ClientSecrets.matches(secret == null ? "" : secret, ClientSecrets.hash("burn"));
            return Optional.empty();
        }
        return ClientSecrets.matches(secret, client.get().secretHash()) ? client.map(this::view) : Optional.empty();
    }

    public boolean hasConsent(long customerId, long clientPk, Set<String> scopes) {
        return repository.findActiveConsent(customerId, clientPk).map(c -> c.covers(scopes)).orElse(false);
    }

    /** Remembers the customer's consent (adding to earlier scopes). */
    public void grantConsent(long customerId, long clientPk, Set<String> scopes) {
        Instant now = Instant.now();
        Optional<Consent> existing = repository.findActiveConsent(customerId, clientPk);
        if (existing.isPresent()) {
            existing.get().extend(scopes, now);
        } else {
            repository.add(new Consent(customerId, clientPk, scopes, now));
        }
        audit.record(customerId, "OAUTH_CONSENT", "app:" + clientPk, String.join(" ", scopes));
    }

    /** Issues a single-use code; returns the code (only its hash is stored). */
    public String issueCode(long customerId, long clientPk, String redirectUri, Set<String> scopes, String nonce,
                            String codeChallenge, String challengeMethod, Instant authTime) {
        OAuthClient client = repository.findClient(clientPk).filter(OAuthClient::isUsable)
                .orElseThrow(() -> new IllegalStateException("App not usable"));
        if (!client.hasRedirectUri(redirectUri)) {
            throw new IllegalStateException("Redirect URI not registered");
        }
        String code = Hashes.randomToken();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        repository.add(new AuthorizationCode(Hashes.sha256Hex(code), clientPk, customerId, redirectUri, scopes, nonce,
                codeChallenge, challengeMethod, null, authTime == null ? now : authTime.truncatedTo(ChronoUnit.SECONDS),
                now, now.plusSeconds(codeSeconds)));
        return code;
    }

    /** Why a code was refused, or {@link #OK}. */
    public enum CodeCheck { OK, UNKNOWN, REUSED, EXPIRED, WRONG_CLIENT, WRONG_REDIRECT_URI, PKCE_FAILED }

    /** A checked code: what it grants. */
    public record CodeGrant(CodeCheck check, long customerId, Set<String> scopes, String nonce, Instant authTime,
                            Long reusedDeviceSessionId) {

        static CodeGrant refused(CodeCheck check) {
            return new CodeGrant(check, 0, Set.of(), null, null, null);
        }
    }

    /**
     * Redeems a code for the given app: used at most once (the row is locked), not expired, same redirect URI,
     * PKCE verified (S256 only). A second use answers {@link CodeCheck#REUSED} with the device session the first use
     * opened, for the caller to revoke ({@link #bindCode} records that session once tokens are issued).
     */
    public CodeGrant redeem(String code, long clientPk, String redirectUri, String codeVerifier) {
        if (code == null || code.isBlank()) {
            return CodeGrant.refused(CodeCheck.UNKNOWN);
        }
        Optional<AuthorizationCode> found = repository.findCodeForUpdate(Hashes.sha256Hex(code));
        if (found.isEmpty()) {
            return CodeGrant.refused(CodeCheck.UNKNOWN);
        }
        AuthorizationCode c = found.get();
        Instant now = Instant.now();
        if (c.isUsed()) {
            audit.record(c.customerId(), "OAUTH_CODE_REUSED", "app:" + c.clientPk(), null);
            return new CodeGrant(CodeCheck.REUSED, c.customerId(), Set.of(), null, null, c.deviceSessionId());
        }
        if (c.clientPk() != clientPk) {
            return CodeGrant.refused(CodeCheck.WRONG_CLIENT);
        }
        if (c.isExpired(now)) {
            c.use(now);
            return CodeGrant.refused(CodeCheck.EXPIRED);
        }
        // from here on a refusal also uses the code up (as Keycloak does): a wrong redirect URI or code_verifier is
        // an attacker's attempt with a stolen code as often as a client's bug, and must not leave it to try again
        CodeCheck refusal = !c.redirectUri().equals(redirectUri) ? CodeCheck.WRONG_REDIRECT_URI
                : pkceMatches(c, codeVerifier) ? null : CodeCheck.PKCE_FAILED;
        if (refusal != null) {
            c.use(now);
            audit.record(c.customerId(), "OAUTH_CODE_REFUSED", "app:" + c.clientPk(), refusal.name());
            return CodeGrant.refused(refusal);
        }
        c.use(now);
        return new CodeGrant(CodeCheck.OK, c.customerId(), c.scopes(), c.nonce(), c.authTime(), null);
    }

    /** PKCE (RFC 7636, S256 only): the verifier matches the code's challenge, or neither is there. */
    private static boolean pkceMatches(AuthorizationCode c, String codeVerifier) {
        if (c.codeChallenge() == null) {
            // a verifier without a challenge: the request was not the one the code was issued for
            return codeVerifier == null;
        }
        if (codeVerifier == null || !"S256".equals(c.challengeMethod())) {
            return false;
        }
        try {
            return CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(codeVerifier)).getValue()
                    .equals(c.codeChallenge());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Records which device session the tokens of a redeemed code belong to (revoked if the code is reused). */
    public void bindCode(String code, long deviceSessionId) {
        repository.findCodeForUpdate(Hashes.sha256Hex(code)).ifPresent(c -> c.bindDeviceSession(deviceSessionId));
    }

    /** When the browser's portal session signed in (OIDC {@code auth_time}), or null. */
    public Instant signedInAt(String portalSessionToken) {
        if (portalSessionToken == null) {
            return null;
        }
        return loginSessions.findByTokenHash(Hashes.sha256Hex(portalSessionToken)).filter(LoginSession::isActive)
                .map(LoginSession::createdAt).orElse(null);
    }

    /** What the provider knows about a customer for ID tokens and userinfo, or empty for a missing/closed account. */
    public Optional<Person> person(long customerId) {
        return customers.find(customerId).map(c -> new Person(c.id(), c.nickname(), c.email(),
                c.status() == CustomerStatus.ACTIVE, c.kycStatus() == KycStatus.APPROVED, c.phone()));
    }

    /**
     * The claims source: name is the nickname, the email is verified once the account was activated by mail, the
     * identity once a clerk approved the customer's KYC review; the phone number (E.164 or null) is the customer's
     * own statement, never verified.
     */
    public record Person(long id, String name, String email, boolean emailVerified, boolean identityVerified,
                         String phone) {
    }

    /** An app the customer authorized, for the "Authorized apps" page. */
    public record ConsentView(long id, ClientView app, Set<String> scopes, Instant grantedAt) {
    }

    public List<ConsentView> consents(long customerId) {
        return repository.findActiveConsents(customerId).stream()
                .map(c -> new ConsentView(c.id(), repository.findClient(c.clientPk()).map(this::view).orElse(null),
                        c.scopes(), c.grantedAt()))
                .filter(v -> v.app() != null).toList();
    }

    private ClientView view(OAuthClient c) {
        return views.of(c);
    }
}
