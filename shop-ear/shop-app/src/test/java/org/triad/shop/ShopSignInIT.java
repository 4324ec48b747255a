package org.triad.shop;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.triad.testkit.Deployments;
import org.triad.testkit.TriadHttp;

/**
 * "Sign in with the bank" end to end through the shop's real mechanism, callback and back-channel receiver, against
 * {@link TestBank} (the bank's endpoints with real ES256 tokens, PKCE and single-use codes): a browser-like client
 * with cookies signs in, reaches its account page, loses the session to a back-channel logout; tampered state,
 * replayed callbacks and bad logout tokens sign nobody in and end nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ShopSignInIT {

    private static final String SHOP = TestBank.SHOP_URL;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear("shop", TestBank.EXTRA_CONFIG, TestBank.class);
    }

    /** A browser: cookies, no automatic redirects. */
    private static final class Browser {
        final HttpClient client = HttpClient.newBuilder().sslContext(TriadHttp.trustingPlatformCertificates())
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();

        HttpResponse<String> get(String url) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "en").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String location(HttpResponse<String> response) {
            assertThat(response.statusCode()).as(response.uri() + " redirects").isIn(302, 303);
            String location = response.headers().firstValue("Location").orElseThrow();
            return URI.create(response.uri().toString()).resolve(location).toString();
        }

        /** Start → bank's authorize → shop's callback; returns the callback's answer. */
        HttpResponse<String> signInWithBank(String next) throws Exception {
            String authorize = location(get(SHOP + "/oauth/start?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
            assertThat(authorize).startsWith(TestBank.BASE + "/oauth2/authorize?")
                    .contains("code_challenge_method=S256").contains("nonce=").contains("state=")
                    .contains("scope=openid+profile+email").contains("client_id=triad-shop");
            String callback = location(get(authorize));
            assertThat(callback).startsWith(SHOP + "/oauth/callback?code=");
            lastCallback = callback;
            return get(callback);
        }

        String lastCallback;
    }

    private static void nextCustomer(String sub, String sid, String name) {
        var response = TriadHttp.post(URI.create(TestBank.BASE + "/next"), "application/x-www-form-urlencoded",
                "sub=" + sub + "&sid=" + sid + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(204);
    }

    private static HttpResponse<String> backchannel(String token) {
        return TriadHttp.post(URI.create(SHOP + "/oauth/backchannel-logout"), "application/x-www-form-urlencoded",
                token == null ? "" : "logout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    private static String signed(com.nimbusds.jwt.JWTClaimsSet claims, String typ, String key) {
        var response = TriadHttp.post(URI.create(TestBank.BASE + "/sign?typ=" + URLEncoder.encode(typ, StandardCharsets.UTF_8) + "&key=" + key),
                "application/json", claims.toString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void signInWithTheBankReachesTheAccountAndABackChannelLogoutEndsTheSession() throws Exception {
        nextCustomer("20001", "sid-20001-a", "Wang Fang 王芳");
        Browser browser = new Browser();

        // a protected page without a session goes to the sign-in page, which offers the bank
        String toSignIn = browser.location(browser.get(SHOP + "/account/index.xhtml"));
        assertThat(toSignIn).startsWith(SHOP + "/signin.xhtml?next=");
        assertThat(browser.get(toSignIn).body()).contains("Sign in with Triad Bank").contains("/oauth/start?next=");

        var callback = browser.signInWithBank("/account/index.xhtml");
        assertThat(browser.location(callback)).isEqualTo(SHOP + "/account/index.xhtml");
        var account = browser.get(SHOP + "/account/index.xhtml");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains("Wang Fang 王芳").contains("Signed in with Triad Bank").contains("Buyer")
                .contains("Sign out of shop and bank");

        // the same callback again (a replayed code and state): refused, the session stays as it was
        var replay = browser.get(browser.lastCallback);
        assertThat(browser.location(replay)).contains("/signin.xhtml?bankError=state");

        // a logout token signed by another key, for another audience, without sid: 400, nothing ends
        assertThat(backchannel(signed(TestBank.logoutClaims("20001", "sid-20001-a", "triad-shop"), "logout+jwt",
                "other")).statusCode()).isEqualTo(400);
        assertThat(backchannel(signed(TestBank.logoutClaims("20001", "sid-20001-a", "another-app"), "logout+jwt",
                "good")).statusCode()).isEqualTo(400);
        assertThat(backchannel(signed(new com.nimbusds.jwt.JWTClaimsSet.Builder(
                TestBank.logoutClaims("20001", "sid-20001-a", "triad-shop")).claim("nonce", "n").build(),
                "logout+jwt", "good")).statusCode()).isEqualTo(400);
        assertThat(backchannel(signed(TestBank.logoutClaims("20001", "sid-20001-a", "triad-shop"), "JWT", "good"))
                .statusCode()).as("typ must be logout+jwt").isEqualTo(400);
        assertThat(backchannel("not.a.token").statusCode()).isEqualTo(400);
        assertThat(backchannel(null).statusCode()).isEqualTo(400);
        assertThat(browser.get(SHOP + "/account/index.xhtml").statusCode()).isEqualTo(200);

        // the bank ends the device session: the shop session is gone at the next request
        String good = signed(TestBank.logoutClaims("20001", "sid-20001-a", "triad-shop"), "logout+jwt", "good");
        var accepted = backchannel(good);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(browser.location(browser.get(SHOP + "/account/index.xhtml"))).startsWith(SHOP + "/signin.xhtml");
        assertThat(backchannel(good).statusCode()).as("a replayed logout token").isEqualTo(400);
    }

    @Test
    void aTamperedStateOrAnErrorFromTheBankSignsNobodyIn() throws Exception {
        nextCustomer("20002", "sid-20002-a", "Bob");
        Browser browser = new Browser();
        String authorize = browser.location(browser.get(SHOP + "/oauth/start?next=%2Faccount%2Findex.xhtml"));
        String callback = browser.location(browser.get(authorize));
        String tampered = callback.replaceAll("state=[^&]+", "state=forged");
        assertThat(browser.location(browser.get(tampered))).contains("/signin.xhtml?bankError=state");
        assertThat(browser.location(browser.get(SHOP + "/account/index.xhtml"))).startsWith(SHOP + "/signin.xhtml");

        // the bank says the customer denied consent
        String authorize2 = browser.location(browser.get(SHOP + "/oauth/start"));
        String state = URI.create(authorize2).getQuery().replaceAll(".*state=([^&]+).*", "$1");
        var denied = browser.get(SHOP + "/oauth/callback?error=access_denied&state=" + state);
        assertThat(browser.location(denied)).contains("/signin.xhtml?bankError=access_denied");
        var page = browser.get(SHOP + "/signin.xhtml?bankError=access_denied");
        assertThat(page.body()).contains("You did not allow the shop to use your bank account.");
        assertThat(browser.location(browser.get(SHOP + "/account/index.xhtml"))).startsWith(SHOP + "/signin.xhtml");
    }

    @Test
    void fiveParallelRequestsOfASessionWhoseTokenExpiresRefreshItExactlyOnce() throws Exception {
        var next = TriadHttp.post(URI.create(TestBank.BASE + "/next"), "application/x-www-form-urlencoded",
                "sub=20004&sid=sid-20004-a&name=Dave&accessSeconds=20");
        assertThat(next.statusCode()).isEqualTo(204);
        Browser browser = new Browser();
        assertThat(browser.location(browser.signInWithBank("/account/index.xhtml")))
                .isEqualTo(SHOP + "/account/index.xhtml");
        int before = refreshes();
        // the session's access token lives 20 s, inside the 30 s the shop keeps in hand: the next requests refresh it
        var pool = java.util.concurrent.Executors.newFixedThreadPool(5);
        var start = new java.util.concurrent.CountDownLatch(1);
        var pages = new java.util.ArrayList<java.util.concurrent.Future<HttpResponse<String>>>();
        for (int i = 0; i < 5; i++) {
            pages.add(pool.submit(() -> {
                start.await();
                return browser.get(SHOP + "/account/index.xhtml");
            }));
        }
        start.countDown();
        for (var page : pages) {
            // each is served signed in: none used the rotated-away refresh token (which would sign the session out)
            assertThat(page.get().statusCode()).isEqualTo(200);
            assertThat(page.get().body()).contains("Dave");
        }
        pool.shutdown();
        assertThat(refreshes() - before).as("refresh grants").isEqualTo(1);
        assertThat(browser.get(SHOP + "/account/index.xhtml").statusCode()).isEqualTo(200);
        assertThat(refreshes() - before).as("the refreshed token lives on").isEqualTo(1);
    }

    private static int refreshes() {
        return Integer.parseInt(TriadHttp.get(URI.create(TestBank.BASE + "/refreshes")).body().strip());
    }

    @Test
    void aSignInGoesOnlyToPathsInsideTheShop() throws Exception {
        nextCustomer("20003", "sid-20003-a", "Carol");
        Browser browser = new Browser();
        var callback = browser.signInWithBank("//evil.example/phish");
        assertThat(browser.location(callback)).isEqualTo(SHOP + "/index.xhtml");
    }

    @Test
    void theRestApiTakesBankAccessTokensAndRefusesBuyersOnTheSellerApi() {
        var none = TriadHttp.get(URI.create(SHOP + "/api/v1/seller/items"));
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));

        var bad = TriadHttp.get(URI.create(SHOP + "/api/v1/seller/items"), "Authorization", "Bearer eyJ.bad.token");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(TriadHttp.json(bad).getString("type")).endsWith("/invalid-token");

        String token = TriadHttp.get(URI.create(TestBank.BASE + "/access-token?sub=20004")).body();
        var buyer = TriadHttp.get(URI.create(SHOP + "/api/v1/seller/items"), "Authorization", "Bearer " + token);
        assertThat(buyer.statusCode()).isEqualTo(403);
        JsonObject problem = TriadHttp.json(buyer);
        assertThat(problem.getString("type")).endsWith("/not-a-seller");
        var create = TriadHttp.post(URI.create(SHOP + "/api/v1/seller/items"), "application/json",
                "{\"title\":\"x\",\"categoryId\":2,\"price\":\"10.00\",\"stock\":1}", "Authorization", "Bearer " + token);
        assertThat(create.statusCode()).isEqualTo(403);
        var review = TriadHttp.get(URI.create(SHOP + "/api/v1/admin/review"), "Authorization", "Bearer " + token);
        assertThat(review.statusCode()).isEqualTo(403);
        assertThat(TriadHttp.json(review).getString("type")).endsWith("/not-a-shop-admin");
    }
}
