package org.triad.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.triad.bank.application.customer.Onboarding;
import org.triad.bank.application.identity.DeviceSessions;
import org.triad.bank.application.identity.IdentitySettings;
import org.triad.bank.application.identity.SigningKeys;
import org.triad.bank.application.oauth.AppForm;
import org.triad.bank.application.oauth.ClientView;
import org.triad.bank.application.oauth.OAuthGrants;
import org.triad.bank.application.oauth.OAuthProvider;
import org.triad.bank.application.oauth.OpenPlatform;
import org.triad.bank.application.oauth.TokenOutcome;
import org.triad.bank.domain.model.oauth.ClientStatus;
import org.triad.bank.domain.model.oauth.InvalidClientInputException;
import org.triad.testkit.Deployments;

/**
 * OpenID Connect Back-Channel Logout inside the server: when the customer signs an app's session out, the app's
 * registered URL (here a small HTTP receiver of the test) gets a logout token that Nimbus' validator accepts for that
 * app, with the {@code sub} and {@code sid} of the session's ID token; an app that ends its session itself
 * (RP-initiated logout) is not told; bad URLs are refused and a new URL sends an approved app back to review.
 */
@ExtendWith(ArquillianExtension.class)
class BackchannelLogoutIT {

    private static final String REDIRECT = "https://app.example/callback";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear("bank", BackchannelLogoutIT.class, BackchannelLogoutIT.Receiver.class);
    }

    @Inject
    Onboarding onboarding;

    @Inject
    OpenPlatform platform;

    @Inject
    OAuthProvider provider;

    @Inject
    OAuthGrants grants;

    @Inject
    DeviceSessions devices;

    @Inject
    SigningKeys keys;

    @Inject
    IdentitySettings settings;

    @Test
    void theAppIsToldWhenTheCustomerSignsItsSessionOutButNotWhenItLogsOutItself() throws Exception {
        try (Receiver receiver = new Receiver()) {
            long alice = customer();
            ClientView app = platform.seed(alice, "bcl-" + UUID.randomUUID(), form(receiver.url()), null).app();
            assertThat(app.backchannelLogoutUri()).isEqualTo(receiver.url());

            // the app logs out itself (RP-initiated logout): it knows already
            TokenOutcome first = grant(alice, app);
            assertThat(grants.endSession(first.idToken())).isPresent();
            // the customer signs the app's other session out on the devices page
            TokenOutcome second = grant(alice, app);
            String sid = SignedJWT.parse(second.idToken()).getJWTClaimsSet().getStringClaim("sid");
            devices.revoke(alice, sid);

            String body = receiver.requests.poll(20, TimeUnit.SECONDS);
            assertThat(body).as("a logout token within 20 s").isNotNull().startsWith("logout_token=");
            String token = URLDecoder.decode(body.substring("logout_token=".length()), StandardCharsets.US_ASCII);
            LogoutTokenValidator validator = new LogoutTokenValidator(new Issuer(settings.issuer()),
                    new ClientID(app.clientId()), true, new JWSVerificationKeySelector<SecurityContext>(
                    JWSAlgorithm.ES256, new ImmutableJWKSet<>(keys.publicKeys())), null);
            LogoutTokenClaimsSet claims = validator.validate(JWTParser.parse(token));
            assertThat(claims.getSubject().getValue()).isEqualTo(String.valueOf(alice));
            assertThat(claims.getSessionID().getValue()).isEqualTo(sid);
            assertThat(claims.getJWTID()).isNotNull();
            // nothing for the session the app ended itself
            assertThat(receiver.requests.poll(2, TimeUnit.SECONDS)).isNull();
        }
    }

    @Test
    void anAppThatFailsToAnswerIsTriedAgainWithTheSameToken() throws Exception {
        try (Receiver receiver = new Receiver(503)) {
            long bob = customer();
            ClientView app = platform.seed(bob, "bcl-" + UUID.randomUUID(), form(receiver.url()), null).app();
            TokenOutcome tokens = grant(bob, app);
            String sid = SignedJWT.parse(tokens.idToken()).getJWTClaimsSet().getStringClaim("sid");
            devices.revoke(bob, sid);

            String first = receiver.requests.poll(20, TimeUnit.SECONDS);
            String second = receiver.requests.poll(30, TimeUnit.SECONDS);
            assertThat(first).as("first try").isNotNull();
            assertThat(second).as("second try, 5 s after the 503").isEqualTo(first);
            // answered 200 the second time: no third try
            assertThat(receiver.requests.poll(2, TimeUnit.SECONDS)).isNull();
        }
    }

    @Test
    void badUrlsAreRefusedAndANewUrlSendsAnApprovedAppBackToReview() {
        long alice = customer();
        ClientView app = platform.seed(alice, "bcl-" + UUID.randomUUID(), form(null), null).app();
        assertThat(app.status()).isEqualTo(ClientStatus.APPROVED);
        for (String bad : new String[] {"ftp://app.example/logout", "http://app.example/logout",
                "https://app.example/logout#x", "/logout"}) {
            assertThatThrownBy(() -> platform.update(alice, app.id(), form(bad)))
                    .isInstanceOf(InvalidClientInputException.class);
        }
        assertThat(platform.app(alice, app.id()).status()).isEqualTo(ClientStatus.APPROVED);
        assertThat(platform.app(alice, app.id()).backchannelLogoutUri()).isNull();

        ClientView changed = platform.update(alice, app.id(), form("https://app.example/logout"));
        assertThat(changed.backchannelLogoutUri()).isEqualTo("https://app.example/logout");
        assertThat(changed.status()).isEqualTo(ClientStatus.PENDING);
    }

    private long customer() {
        return onboarding.reviewedCustomerWithCard("Bcl", "bcl-" + UUID.randomUUID() + "@example.com",
                "bcl-test-password", "123456", 0).customerId();
    }

    private static AppForm form(String backchannelLogoutUri) {
        return new AppForm("Back-channel test", null, REDIRECT, null, Set.of("openid"), false, false, null, null,
                null, backchannelLogoutUri);
    }

    private TokenOutcome grant(long customerId, ClientView app) {
        CodeVerifier verifier = new CodeVerifier();
        String code = provider.issueCode(customerId, app.id(), REDIRECT, Set.of("openid"), null,
                CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue(), "S256", null);
        TokenOutcome tokens = grants.exchangeCode(code, app.clientId(), REDIRECT, verifier.getValue(), "BCL test",
                "127.0.0.1");
        assertThat(tokens.error()).isNull();
        assertThat(tokens.idToken()).isNotNull();
        return tokens;
    }

    /** A one-path HTTP/1.1 receiver on a loopback port: keeps each request body, answers 200 (or first another). */
    static final class Receiver implements AutoCloseable {

        final BlockingQueue<String> requests = new LinkedBlockingQueue<>();
        private final ServerSocket socket;
        private final Thread thread;
        private int firstStatus;

        Receiver() throws IOException {
            this(200);
        }

        /** Answers the first request with {@code firstStatus}, every later one with 200. */
        Receiver(int firstStatus) throws IOException {
            this.firstStatus = firstStatus;
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            thread = new Thread(this::serve, "bcl-receiver");
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/backchannel-logout";
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    s.setSoTimeout(10_000);
                    InputStream in = s.getInputStream();
                    String head = readHead(in);
                    int length = 0;
                    for (String line : head.split("\r\n")) {
                        if (line.toLowerCase().startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    requests.add(new String(in.readNBytes(length), StandardCharsets.US_ASCII));
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 " + firstStatus + " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    firstStatus = 200;
                    out.flush();
                } catch (IOException | RuntimeException e) {
                    // closed, or a broken request: the test sees nothing arrive
                }
            }
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            for (int b; matched < 4 && (b = in.read()) >= 0; ) {
                head.write(b);
                matched = (b == '\r' || b == '\n') && (matched % 2 == 0) == (b == '\r') ? matched + 1
                        : (b == '\r' ? 1 : 0);
            }
            return head.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
