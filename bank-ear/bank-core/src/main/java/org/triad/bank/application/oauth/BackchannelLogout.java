package org.triad.bank.application.oauth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.SessionID;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.triad.bank.application.identity.DeviceSessionEnded;
import org.triad.bank.application.identity.IdentitySettings;
import org.triad.bank.application.identity.SigningKeys;
import org.triad.bank.application.support.AfterCommit;
import org.triad.bank.domain.model.oauth.OAuthClient;
import org.triad.bank.domain.model.oauth.OAuthRepository;

/**
 * OpenID Connect Back-Channel Logout 1.0: when an app's session at the bank ends, the bank POSTs a signed logout
 * token ({@code typ logout+jwt}; {@code iss}, {@code aud} = the client id, {@code iat}, {@code exp} two minutes on,
 * {@code jti}, {@code sub}, {@code sid} = the {@code sid} of the session's ID tokens, the back-channel logout event)
 * as {@code logout_token} to the app's registered back-channel logout URL, after the transaction that ended the
 * session has committed. An app that asked for the end itself (RP-initiated logout, token revocation) is not told.
 * <p>
 * Delivery: no redirects, 5 s to connect, 10 s to answer, a 2xx answer is success; three tries (now, after 5 s and
 * after 30 s) and then a warning in the log. Tries live in memory: a restart loses the ones still due.
 */
@ApplicationScoped
public class BackchannelLogout {

    private static final Logger LOG = Logger.getLogger(BackchannelLogout.class.getName());
    static final JOSEObjectType LOGOUT_JWT = new JOSEObjectType("logout+jwt");
    private static final Set<String> ASKED_BY_THE_APP = Set.of("oidc-logout", "token-revoked");
    private static final List<Duration> TRIES = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(30));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    OAuthRepository clients;

    @Inject
    SigningKeys signingKeys;

    @Inject
    IdentitySettings settings;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedScheduledExecutorService scheduler;

    void sessionEnded(@Observes DeviceSessionEnded ended) {
        if (ASKED_BY_THE_APP.contains(ended.reason())) {
            return;
        }
        String uri;
        String token;
        try {
            uri = clients.findByClientId(ended.clientId()).map(OAuthClient::backchannelLogoutUri).orElse(null);
            if (uri == null) {
                return;
            }
            token = logoutToken(ended);
        } catch (RuntimeException e) {
            // telling the app is a courtesy: it must never undo the sign-out itself
            LOG.log(Level.WARNING, "No back-channel logout for app " + ended.clientId(), e);
            return;
        }
        AfterCommit.run(transactions, () -> deliver(URI.create(uri), token, ended.clientId(), 0));
    }

    String logoutToken(DeviceSessionEnded ended) {
        Instant now = Instant.now();
        LogoutTokenClaimsSet claims = new LogoutTokenClaimsSet(new Issuer(settings.issuer()),
                new Subject(String.valueOf(ended.customerId())), List.of(new Audience(ended.clientId())),
                Date.from(now), Date.from(now.plus(Duration.ofMinutes(2))), new JWTID(), new SessionID(ended.handle()));
        try {
            return signingKeys.sign(claims.toJWTClaimsSet(), LOGOUT_JWT);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new IllegalStateException("logout token claims", e);
        }
    }

    private void deliver(URI uri, String token, String clientId, int attempt) {
        scheduler.schedule(() -> {
            if (post(uri, token, clientId, attempt)) {
                return;
            }
            if (attempt + 1 < TRIES.size()) {
                deliver(uri, token, clientId, attempt + 1);
            } else {
                LOG.warning(() -> "Back-channel logout to app " + clientId + " failed " + TRIES.size()
                        + " times; given up");
            }
        }, TRIES.get(attempt).toMillis(), TimeUnit.MILLISECONDS);
    }

    private static boolean post(URI uri, String token, String clientId, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("logout_token="
                        + URLEncoder.encode(token, StandardCharsets.US_ASCII)))
                .build();
        try {
            int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                return true;
            }
            LOG.info(() -> "Back-channel logout to app " + clientId + ": HTTP " + status + " (try " + (attempt + 1)
                    + ")");
        } catch (java.io.IOException e) {
            LOG.log(Level.INFO, "Back-channel logout to app " + clientId + ": " + e + " (try " + (attempt + 1) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
