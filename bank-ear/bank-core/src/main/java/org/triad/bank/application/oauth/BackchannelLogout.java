package org.triad.bank.application.oauth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.SessionID;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.triad.bank.application.identity.DeviceSessionEnded;
import org.triad.bank.application.identity.IdentitySettings;
import org.triad.bank.application.identity.SigningKeys;
import org.triad.bank.application.support.Outbox;
import org.triad.bank.application.support.OutboxCourier;
import org.triad.bank.domain.model.oauth.OAuthClient;
import org.triad.bank.domain.model.outbox.DeliveryResult;
import org.triad.bank.domain.model.outbox.OutboxKind;
import org.triad.bank.domain.model.outbox.OutboxMessage;
import org.triad.bank.domain.model.oauth.OAuthRepository;

/**
 * OpenID Connect Back-Channel Logout 1.0: when an app's session at the bank ends, the bank POSTs a signed logout
 * token ({@code typ logout+jwt}; {@code iss}, {@code aud} = the client id, {@code iat}, {@code exp} two minutes on,
 * {@code jti}, {@code sub}, {@code sid} = the {@code sid} of the session's ID tokens, the back-channel logout event)
 * as {@code logout_token} to the app's registered back-channel logout URL, after the transaction that ended the
 * session has committed. An app that asked for the end itself (RP-initiated logout, token revocation) is not told.
 * <p>
 * Delivery goes through the durable {@link Outbox} (written in the transaction that ended the session, so it
 * survives a restart): no redirects, 5 s to connect, 10 s to answer, a 2xx answer is success; the back-channel
 * schedule ({@code triad.bank.outbox.backchannel-logout.*}, by default now, after 5 s and after 30 s), then the
 * message is dead (listed in the back office). Every try sends the same token.
 */
@ApplicationScoped
public class BackchannelLogout implements OutboxCourier {

    private static final Logger LOG = Logger.getLogger(BackchannelLogout.class.getName());
    static final JOSEObjectType LOGOUT_JWT = new JOSEObjectType("logout+jwt");
    private static final Set<String> ASKED_BY_THE_APP = Set.of("oidc-logout", "token-revoked");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    OAuthRepository clients;

    @Inject
    SigningKeys signingKeys;

    @Inject
    IdentitySettings settings;

    @EJB
    Outbox outbox;

    void sessionEnded(@Observes DeviceSessionEnded ended) {
        if (ASKED_BY_THE_APP.contains(ended.reason())) {
            return;
        }
        try {
            String uri = clients.findByClientId(ended.clientId()).map(OAuthClient::backchannelLogoutUri).orElse(null);
            if (uri == null) {
                return;
            }
            outbox.backchannelLogout(uri, ended.clientId(), logoutToken(ended));
        } catch (RuntimeException e) {
            // telling the app is a courtesy: it must never undo the sign-out itself
            LOG.log(Level.WARNING, "No back-channel logout for app " + ended.clientId(), e);
        }
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

    @Override
    public OutboxKind kind() {
        return OutboxKind.BACKCHANNEL_LOGOUT;
    }

    @Override
    public DeliveryResult deliver(OutboxMessage message) {
        Instant started = Instant.now();
        HttpRequest request = HttpRequest.newBuilder(URI.create(message.destination())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("logout_token="
                        + URLEncoder.encode(message.payload(), StandardCharsets.US_ASCII)))
                .build();
        try {
            return DeliveryResult.answered(started, HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (java.io.IOException e) {
            return DeliveryResult.failed(started, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.failed(started, "interrupted");
        }
    }
}
