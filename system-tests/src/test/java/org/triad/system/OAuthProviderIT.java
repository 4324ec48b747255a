package org.triad.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.triad.testkit.TriadHttp;

/**
 * The bank as an OpenID Connect provider, driven by a real OIDC client library we did not write (the Nimbus OAuth
 * 2.0 / OIDC SDK): discovery, the authorization code flow with PKCE through the real sign-in and consent pages in
 * headless Chromium, ID token validation against the JWKS, userinfo, refresh, RFC 7009 revocation and RFC 7662
 * introspection; Odoo's {@code auth_oauth} contract replayed step by step; the standard errors; and the developer
 * console with the back-office review in the browser. Redirects go to unreachable loopback addresses: the browser's
 * current URL carries the answer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OAuthProviderIT {

    private static final String PASSWORD = "triad-dev-pass";
    private static final String DEMO = "triad-demo";
    private static final URI DEMO_REDIRECT = URI.create("http://127.0.0.1:9/callback");
    private static final String ODOO = "odoo-demo";
    private static final String ODOO_REDIRECT = "http://localhost:8069/auth_oauth/signin";
    private static final String SHOP = "triad-shop";
    private static final String SHOP_SECRET = System.getProperty("triad.shop.oauth.client-secret",
            "triad-shop-dev-only-secret");
    private static Browser ui;
    private static BankUi bank;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static SSLSocketFactory ssl;
    private static OIDCProviderMetadata provider;

    @RegisterExtension
    static final AfterTestExecutionCallback SCREENSHOT_ON_FAILURE = Browser.screenshotOnFailure(() -> ui, "failed-oauth-");

    @BeforeAll
    static void start() throws Exception {
        ssl = TriadHttp.trustingPlatformCertificates().getSocketFactory();
        ui = Browser.start();
        bank = new BankUi(ui);
        browser = ui.driver();
        wait = ui.waits();
        // discovery, by the library
        provider = OIDCProviderMetadata.resolve(new Issuer(TriadHttp.baseUrl("bank")),
                request -> request.setSSLSocketFactory(ssl));
    }

    @AfterAll
    static void stop() {
        if (ui != null) {
            ui.quit();
        }
    }

    @Test
    @Order(1)
    void discoveryCodeWithPkceThroughSignInAndConsentThenIdTokenUserinfoRefreshRevoke() throws Exception {
        assertThat(provider.getIssuer().getValue()).isEqualTo(TriadHttp.baseUrl("bank"));
        assertThat(provider.getCodeChallengeMethods()).containsExactly(CodeChallengeMethod.S256);
        assertThat(provider.getJWKSetURI()).isEqualTo(URI.create(TriadHttp.baseUrl("bank") + "/oauth2/jwks"));
        assertThat(provider.getPromptTypes()).contains(Prompt.Type.NONE, Prompt.Type.LOGIN, Prompt.Type.CONSENT);
        assertThat(provider.supportsBackChannelLogout()).isTrue();
        assertThat(provider.supportsBackChannelLogoutSession()).isTrue();
        // the RFC 8414 name of the same document, below the issuer
        HttpResponse<String> asMetadata = TriadHttp.get(TriadHttp.uri("bank", "/.well-known/oauth-authorization-server"));
        assertThat(asMetadata.statusCode()).isEqualTo(200);
        assertThat(TriadHttp.json(asMetadata).getString("issuer")).isEqualTo(TriadHttp.baseUrl("bank"));

        CodeVerifier verifier = new CodeVerifier();
        Nonce nonce = new Nonce();
        State state = new State();
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "profile", "email", "cards:read"), new ClientID(DEMO), DEMO_REDIRECT)
                .endpointURI(provider.getAuthorizationEndpointURI()).state(state).nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256).prompt(new Prompt(Prompt.Type.CONSENT)).build();

        freshBrowser();
        browser.get(request.toURI().toString());
        wait.until(ExpectedConditions.urlContains("/signin.xhtml"));
        signIn("alice@example.com");
        wait.until(ExpectedConditions.urlContains("/oauth2/consent.xhtml"));
        WebElement consent = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("consent-panel")));
        assertThat(consent.getText()).contains("Triad Demo App").contains("See your cards").contains("Your email address");
        screenshot("oauth-consent");
        ui.click(By.id("consent:approve"));
        AuthenticationResponse response = AuthenticationResponseParser.parse(redirectedTo(DEMO_REDIRECT.toString()));
        assertThat(response.indicatesSuccess()).as(String.valueOf(response)).isTrue();
        assertThat(response.getState()).isEqualTo(state);
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();

        // the code for tokens, with the verifier
        OIDCTokenResponse tokens = tokenRequest(new TokenRequest(provider.getTokenEndpointURI(), new ClientID(DEMO),
                new AuthorizationCodeGrant(code, DEMO_REDIRECT, verifier)));
        AccessToken access = tokens.getOIDCTokens().getAccessToken();
        RefreshToken refresh = tokens.getOIDCTokens().getRefreshToken();
        JWT idToken = tokens.getOIDCTokens().getIDToken();
        assertThat(refresh).isNotNull();
        assertThat(access.getScope().toStringList()).containsExactlyInAnyOrder("openid", "profile", "email", "cards:read");

        // the ID token, validated by the library against the published keys, nonce checked
        JWKSet keys = JWKSet.parse(TriadHttp.get(provider.getJWKSetURI()).body());
        IDTokenValidator validator = new IDTokenValidator(provider.getIssuer(), new ClientID(DEMO),
                JWSAlgorithm.ES256, keys);
        IDTokenClaimsSet claims = validator.validate(idToken, nonce);
        AccessTokenValidator.validate(access, JWSAlgorithm.ES256, claims.getAccessTokenHash());
        assertThat(claims.getAuthenticationTime()).isNotNull();
        assertThat(claims.getAuthorizedParty().getValue()).isEqualTo(DEMO);
        assertThat(claims.getStringClaim("sid")).isNotBlank();
        assertThat(claims.getStringClaim("email")).isEqualTo("alice@example.com");
        // another nonce is refused by the library: the check is real
        assertThat(catchThrowable(() -> validator.validate(idToken, new Nonce()))).isNotNull();

        UserInfo userInfo = userInfo(access);
        assertThat(userInfo.getSubject()).isEqualTo(claims.getSubject());
        assertThat(userInfo.getEmailAddress()).isEqualTo("alice@example.com");
        assertThat(userInfo.getName()).isEqualTo("Alice");
        assertThat(userInfo.getStringClaim("user_id")).isEqualTo(claims.getSubject().getValue());

        // the bank API opened to apps, with the granted cards:read
        HttpResponse<String> cards = TriadHttp.get(TriadHttp.uri("bank", "/api/v1/me/cards"),
                "Authorization", "Bearer " + access.getValue());
        assertThat(cards.statusCode()).as(cards.body()).isEqualTo(200);
        assertThat(cards.body()).contains("6222").contains("*").doesNotContain("balance");
        // each card named by an opaque reference of this app, never by its id or full number
        assertThat(cards.body()).contains("\"card_ref\":\"cr_").doesNotContain("\"id\"");
        assertThat(cards.body()).doesNotContainPattern("6222\\d{12}");
        // but nothing else of the bank's API
        assertThat(TriadHttp.get(TriadHttp.uri("bank", "/api/v1/cards"), "Authorization",
                "Bearer " + access.getValue()).statusCode()).isEqualTo(403);

        // refresh: a new pair
        OIDCTokenResponse refreshed = tokenRequest(new TokenRequest(provider.getTokenEndpointURI(), new ClientID(DEMO),
                new RefreshTokenGrant(refresh)));
        AccessToken access2 = refreshed.getOIDCTokens().getAccessToken();
        RefreshToken refresh2 = refreshed.getOIDCTokens().getRefreshToken();
        assertThat(refresh2.getValue()).isNotEqualTo(refresh.getValue());
        assertThat(userInfo(access2).getSubject()).isEqualTo(claims.getSubject());
        assertThat(introspect(access2).isActive()).isTrue();
        assertThat(introspect(access2).getClientID().getValue()).isEqualTo(DEMO);

        // RFC 7009 revocation by the app
        HTTPRequest revoke = new TokenRevocationRequest(provider.getRevocationEndpointURI(), new ClientID(DEMO), refresh2)
                .toHTTPRequest();
        assertThat(send(revoke).getStatusCode()).isEqualTo(200);

        // refused everywhere within 1 s
        pollUpTo1s(() -> !introspect(access2).isActive());
        assertThat(introspect(access2).isActive()).isFalse();
        assertThat(introspect(access).isActive()).isFalse();
        HTTPResponse refused = new UserInfoRequest(provider.getUserInfoEndpointURI(), (BearerAccessToken) access2)
                .toHTTPRequest().send(null, ssl);
        assertThat(refused.getStatusCode()).isEqualTo(401);
        assertThat(refused.getHeaderValue("WWW-Authenticate")).contains("invalid_token");
        TokenResponse again = TokenResponse.parse(send(new TokenRequest(provider.getTokenEndpointURI(),
                new ClientID(DEMO), new RefreshTokenGrant(refresh2)).toHTTPRequest()));
        assertThat(again.indicatesSuccess()).isFalse();
        assertThat(again.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
    }

    @Test
    @Order(2)
    void odooAuthOauthSignsInWithTheLegacyImplicitGrant() throws Exception {
        // auth_oauth (Odoo 16/17) builds the state as JSON and url-encodes the parameters (werkzeug url_encode)
        String odooState = "{\"d\": \"odoo\", \"p\": 3, \"r\": \"http%3A%2F%2Flocalhost%3A8069%2Fweb\"}";
        String authorize = TriadHttp.baseUrl("bank") + "/oauth2/authorize?" + form(Map.of(
                "response_type", "token", "client_id", ODOO, "redirect_uri", ODOO_REDIRECT,
                "scope", "openid profile email", "state", odooState));

        // without a session: to the sign-in page, never to the app
        HttpResponse<String> anonymous = TriadHttp.get(URI.create(authorize));
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).contains("/signin.xhtml?next=");

        freshBrowser();
        browser.get(authorize);
        wait.until(ExpectedConditions.urlContains("/signin.xhtml"));
        signIn("alice@example.com");
        wait.until(d -> d.getCurrentUrl().startsWith(ODOO_REDIRECT) || d.getCurrentUrl().contains("/consent.xhtml"));
        if (browser.getCurrentUrl().contains("/consent.xhtml")) {
            assertThat(browser.findElement(By.id("consent-panel")).getText()).contains("Odoo demo");
            ui.click(By.id("consent:approve"));
        }
        URI back = redirectedTo(ODOO_REDIRECT);
        assertThat(back.getRawQuery()).isNull();
        Map<String, String> fragment = parameters(back.getRawFragment());
        assertThat(fragment.get("state")).isEqualTo(odooState);
        assertThat(fragment.get("token_type")).isEqualTo("Bearer");
        assertThat(Long.parseLong(fragment.get("expires_in"))).isBetween(1L, 900L);
        assertThat(fragment.get("scope")).isEqualTo("openid profile email");
        assertThat(fragment).doesNotContainKeys("refresh_token", "code");
        // RFC 9207: the issuer in the success fragment as in the error ones (discovery advertises it)
        assertThat(fragment.get("iss")).isEqualTo(provider.getIssuer().getValue());
        String token = fragment.get("access_token");

        // the userinfo call of auth_oauth: ?access_token= (Odoo 16) and Authorization: Bearer (Odoo 17)
        for (HttpResponse<String> info : List.of(
                TriadHttp.get(URI.create(provider.getUserInfoEndpointURI() + "?access_token="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8))),
                TriadHttp.get(provider.getUserInfoEndpointURI(), "Authorization", "Bearer " + token))) {
            assertThat(info.statusCode()).as(info.body()).isEqualTo(200);
            JsonObject json = TriadHttp.json(info);
            assertThat(json.getString("sub")).matches("\\d+");
            assertThat(json.getString("user_id")).isEqualTo(json.getString("sub"));
            assertThat(json.getString("email")).isEqualTo("alice@example.com");
            assertThat(json.getString("name")).isEqualTo("Alice");
        }

        // scope not granted: the resource refuses
        HttpResponse<String> cards = TriadHttp.get(TriadHttp.uri("bank", "/api/v1/me/cards"),
                "Authorization", "Bearer " + token);
        assertThat(cards.statusCode()).isEqualTo(403);

        // the brief's own provider settings in Odoo: scope "identify email", no openid; same fields for auth_oauth
        String briefAuthorize = TriadHttp.baseUrl("bank") + "/oauth2/authorize?" + form(Map.of(
                "response_type", "token", "client_id", ODOO, "redirect_uri", ODOO_REDIRECT,
                "scope", "identify email", "state", odooState));
        browser.get(briefAuthorize);
        wait.until(d -> d.getCurrentUrl().startsWith(ODOO_REDIRECT) || d.getCurrentUrl().contains("/consent.xhtml"));
        if (browser.getCurrentUrl().contains("/consent.xhtml")) {
            assertThat(browser.findElement(By.id("consent-panel")).getText()).contains("identity verification");
            ui.click(By.id("consent:approve"));
        }
        Map<String, String> briefFragment = parameters(redirectedTo(ODOO_REDIRECT).getRawFragment());
        assertThat(briefFragment.get("state")).isEqualTo(odooState);
        assertThat(briefFragment.get("scope")).isEqualTo("email identify");
        HttpResponse<String> briefInfo = TriadHttp.get(URI.create(provider.getUserInfoEndpointURI() + "?access_token="
                + URLEncoder.encode(briefFragment.get("access_token"), StandardCharsets.UTF_8)));
        assertThat(briefInfo.statusCode()).as(briefInfo.body()).isEqualTo(200);
        JsonObject brief = TriadHttp.json(briefInfo);
        assertThat(brief.getString("user_id")).isEqualTo(brief.getString("sub")).matches("\\d+");
        assertThat(brief.getString("email")).isEqualTo("alice@example.com");
        assertThat(brief.getString("name")).isEqualTo("Alice");
        assertThat(brief.getBoolean("identity_verified")).isTrue();
        assertThat(brief.containsKey("preferred_username")).as("profile was not granted").isFalse();
        assertThat(cards.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("insufficient_scope");
    }

    @Test
    @Order(3)
    void badAuthorizationRequestsGetTheStandardErrorsAndNoCodeOrToken() {
        String bank = TriadHttp.baseUrl("bank");
        // unknown app, unregistered or near-miss redirect URIs: an error page, never a redirect
        for (Map<String, String> params : List.of(
                pkce(Map.of("client_id", "no-such-app", "redirect_uri", DEMO_REDIRECT.toString())),
                pkce(Map.of("client_id", DEMO, "redirect_uri", "https://evil.example/callback")),
                pkce(Map.of("client_id", DEMO, "redirect_uri", DEMO_REDIRECT + "/../evil")),
                pkce(Map.of("client_id", DEMO, "redirect_uri", DEMO_REDIRECT + "?next=https://evil.example")),
                pkce(Map.of("client_id", DEMO, "redirect_uri", DEMO_REDIRECT + "/")),
                pkce(Map.of("client_id", DEMO, "redirect_uri", "HTTP://127.0.0.1:9/callback")),
                pkce(Map.of("client_id", DEMO, "redirect_uri", "//evil.example/callback")),
                pkce(Map.of("client_id", DEMO)))) {
            HttpResponse<String> r = TriadHttp.get(URI.create(bank + "/oauth2/authorize?" + form(params)));
            assertThat(r.statusCode()).as(params.toString()).isEqualTo(400);
            assertThat(r.headers().firstValue("Location")).as(params.toString()).isEmpty();
            assertThat(r.body()).contains("error-code");
        }
        // a repeated redirect_uri is no registered one either
        HttpResponse<String> twice = TriadHttp.get(URI.create(bank + "/oauth2/authorize?" + form(pkce(Map.of(
                "client_id", DEMO, "redirect_uri", DEMO_REDIRECT.toString()))) + "&redirect_uri="
                + URLEncoder.encode("https://evil.example/", StandardCharsets.UTF_8)));
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.headers().firstValue("Location")).isEmpty();

        // errors the app can be told about: back to its redirect URI with error, error_description and state
        assertRedirectError(Map.of("client_id", DEMO, "redirect_uri", DEMO_REDIRECT.toString(),
                "response_type", "code", "scope", "openid", "state", "s-1"), "invalid_request", false);
        assertRedirectError(Map.of("client_id", DEMO, "redirect_uri", DEMO_REDIRECT.toString(),
                "response_type", "code", "scope", "openid", "state", "s-1",
                "code_challenge", new CodeVerifier().getValue(), "code_challenge_method", "plain"), "invalid_request", false);
        assertRedirectError(Map.of("client_id", DEMO, "redirect_uri", DEMO_REDIRECT.toString(),
                "response_type", "code", "scope", "openid", "state", "s-1",
                "code_challenge", new CodeVerifier().getValue()), "invalid_request", false);
        assertRedirectError(pkce(Map.of("client_id", DEMO, "redirect_uri", DEMO_REDIRECT.toString(),
                "response_type", "token", "state", "s-1")), "unauthorized_client", true);
        assertRedirectError(pkce(Map.of("client_id", DEMO, "redirect_uri", DEMO_REDIRECT.toString(),
                "scope", "openid payments", "state", "s-1")), "invalid_scope", false);
        assertRedirectError(pkce(Map.of("client_id", DEMO, "redirect_uri", DEMO_REDIRECT.toString(),
                "scope", "openid root", "state", "s-1")), "invalid_scope", false);
        assertRedirectError(Map.of("client_id", ODOO, "redirect_uri", ODOO_REDIRECT, "response_type", "token",
                "scope", "openid cards:read", "state", "s-1"), "invalid_scope", true);
        assertRedirectError(pkce(Map.of("client_id", DEMO, "redirect_uri", DEMO_REDIRECT.toString(),
                "response_type", "code id_token", "state", "s-1")), "unsupported_response_type", false);
        assertRedirectError(pkce(Map.of("client_id", DEMO, "redirect_uri", DEMO_REDIRECT.toString(),
                "prompt", "none", "state", "s-1")), "login_required", false);
    }

    @Test
    @Order(4)
    void badTokenRequestsGetTheStandardErrors() throws Exception {
        String token = TriadHttp.baseUrl("bank") + "/oauth2/token";
        // wrong secret, Basic: 401 with a challenge
        HttpResponse<String> basic = TriadHttp.post(URI.create(token), "application/x-www-form-urlencoded",
                "grant_type=client_credentials", "Authorization", basicAuth(SHOP, "not-the-secret"));
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(basic.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic");
        assertThat(TriadHttp.json(basic).getString("error")).isEqualTo("invalid_client");
        assertThat(basic.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        // wrong secret in the body
        HttpResponse<String> post = TriadHttp.post(URI.create(token), "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=" + SHOP + "&client_secret=nope");
        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(TriadHttp.json(post).getString("error")).isEqualTo("invalid_client");
        // client credentials: not for public apps
        HttpResponse<String> publicCc = TriadHttp.post(URI.create(token), "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=" + DEMO);
        assertThat(publicCc.statusCode()).isEqualTo(400);
        assertThat(TriadHttp.json(publicCc).getString("error")).isEqualTo("unauthorized_client");
        // unknown grant type, missing grant type, unknown code
        assertTokenError("client_id=" + DEMO + "&grant_type=password&username=a&password=b", "unsupported_grant_type");
        assertTokenError("client_id=" + DEMO + "&code=x", "invalid_request");
        assertTokenError("client_id=" + DEMO + "&grant_type=authorization_code&code=not-a-code&redirect_uri="
                + URLEncoder.encode(DEMO_REDIRECT.toString(), StandardCharsets.UTF_8)
                + "&code_verifier=" + new CodeVerifier().getValue(), "invalid_grant");
        assertTokenError("client_id=" + DEMO + "&grant_type=refresh_token&refresh_token=not-a-token", "invalid_grant");

        // the shop's back end: client credentials work (over mutual TLS with the shop's client certificate, which the
        // development seed registered: without it, invalid_client), but such a token is nobody's
        HttpResponse<String> withoutCertificate = TriadHttp.post(URI.create(token), "application/x-www-form-urlencoded",
                "grant_type=client_credentials&scope=cards%3Aread", "Authorization", basicAuth(SHOP, SHOP_SECRET));
        assertThat(withoutCertificate.statusCode()).isEqualTo(401);
        assertThat(TriadHttp.json(withoutCertificate).getString("error")).isEqualTo("invalid_client");
        HttpResponse<String> cc = ClientTls.post(ClientTls.shop().client(), URI.create(token),
                "application/x-www-form-urlencoded", "grant_type=client_credentials&scope=cards%3Aread",
                "Authorization", basicAuth(SHOP, SHOP_SECRET));
        assertThat(cc.statusCode()).as(cc.body()).isEqualTo(200);
        String clientToken = TriadHttp.json(cc).getString("access_token");
        assertThat(TriadHttp.json(cc).containsKey("refresh_token")).isFalse();
        HttpResponse<String> nobodysInfo = TriadHttp.get(provider.getUserInfoEndpointURI(), "Authorization",
                "Bearer " + clientToken);
        assertThat(nobodysInfo.statusCode()).isEqualTo(401);
        // said as it is: the token is valid but has no user (not "invalid, expired or revoked")
        assertThat(TriadHttp.json(nobodysInfo).getString("error_description")).contains("has no user");
        // an empty scope asked (the probe's "scope": "" answer): never an empty scope value (not valid, RFC 6749
        // §3.3): either no "scope" member or the scopes granted
        HttpResponse<String> emptyScope = ClientTls.post(ClientTls.shop().client(), URI.create(token),
                "application/x-www-form-urlencoded", "grant_type=client_credentials&scope=",
                "Authorization", basicAuth(SHOP, SHOP_SECRET));
        assertThat(emptyScope.statusCode()).as(emptyScope.body()).isEqualTo(200);
        assertThat(TriadHttp.json(emptyScope).getString("scope", "absent")).as(emptyScope.body()).isNotBlank();
    }

    @Test
    @Order(5)
    void aReusedCodeFailsAndRevokesTheTokensOfItsFirstUse() throws Exception {
        // alice is signed in (test 2) and consented to the demo app (test 1): the code comes at once
        CodeVerifier verifier = new CodeVerifier();

        // a wrong or missing verifier is refused and uses the code up: the right verifier fails afterwards too
        // (issue 18; as Keycloak does: whoever holds a stolen code gets one try)
        AuthorizationCode wronglyVerified = codeFor(DEMO, DEMO_REDIRECT, verifier, new Scope("openid", "email"));
        TokenResponse wrong = TokenResponse.parse(send(new TokenRequest(provider.getTokenEndpointURI(),
                new ClientID(DEMO), new AuthorizationCodeGrant(wronglyVerified, DEMO_REDIRECT, new CodeVerifier()))
                .toHTTPRequest()));
        assertThat(wrong.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
        AuthorizationCode unverified = codeFor(DEMO, DEMO_REDIRECT, verifier, new Scope("openid", "email"));
        assertTokenError("grant_type=authorization_code&client_id=" + DEMO + "&code=" + unverified.getValue()
                + "&redirect_uri=" + URLEncoder.encode(DEMO_REDIRECT.toString(), StandardCharsets.UTF_8),
                "invalid_grant");
        for (AuthorizationCode usedUp : List.of(wronglyVerified, unverified)) {
            TokenResponse late = TokenResponse.parse(send(new TokenRequest(provider.getTokenEndpointURI(),
                    new ClientID(DEMO), new AuthorizationCodeGrant(usedUp, DEMO_REDIRECT, verifier)).toHTTPRequest()));
            assertThat(late.indicatesSuccess()).isFalse();
            assertThat(late.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
        }

        AuthorizationCode code = codeFor(DEMO, DEMO_REDIRECT, verifier, new Scope("openid", "email"));
        TokenRequest exchange = new TokenRequest(provider.getTokenEndpointURI(), new ClientID(DEMO),
                new AuthorizationCodeGrant(code, DEMO_REDIRECT, verifier));
        OIDCTokenResponse first = tokenRequest(exchange);
        AccessToken access = first.getOIDCTokens().getAccessToken();
        assertThat(userInfo(access).getEmailAddress()).isEqualTo("alice@example.com");

        TokenResponse second = TokenResponse.parse(send(exchange.toHTTPRequest()));
        assertThat(second.indicatesSuccess()).isFalse();
        ErrorObject error = second.toErrorResponse().getErrorObject();
        assertThat(error.getCode()).isEqualTo("invalid_grant");
        assertThat(error.getHTTPStatusCode()).isEqualTo(400);

        pollUpTo1s(() -> userInfoStatus(access) == 401);
        assertThat(userInfoStatus(access)).isEqualTo(401);
        TokenResponse refresh = TokenResponse.parse(send(new TokenRequest(provider.getTokenEndpointURI(),
                new ClientID(DEMO), new RefreshTokenGrant(first.getOIDCTokens().getRefreshToken())).toHTTPRequest()));
        assertThat(refresh.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
    }

    @Test
    @Order(6)
    void aDeveloperRegistersAnAppSeesTheSecretOnceAndItWorksOnlyAfterApproval() throws Exception {
        String name = "Bob's app " + UUID.randomUUID().toString().substring(0, 8);
        URI redirect = URI.create("http://127.0.0.1:9/console-" + UUID.randomUUID());
        freshBrowser();
        bank.open("/portal/apps.xhtml?lang=en");
        wait.until(ExpectedConditions.urlContains("/signin.xhtml"));
        signIn("bob@example.com");
        wait.until(ExpectedConditions.urlContains("/portal/apps.xhtml"));
        ui.click(By.id("apps:new"));
        wait.until(ExpectedConditions.urlContains("/portal/app-edit.xhtml"));
        ui.type(By.id("app:name"), name);
        ui.type(By.id("app:homepage"), "https://bob.example/");
        ui.type(By.id("app:redirects"), redirect.toString());
        ui.type(By.id("app:backchannel"), "https://bob.example/backchannel-logout");
        Path icon = Files.createTempFile("icon", ".png");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", icon.toFile());
        browser.findElement(By.cssSelector("input[type=file]")).sendKeys(icon.toAbsolutePath().toString());
        ui.click(By.id("app:save"));
        String clientId = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-client-id"))).getText();
        String secret = browser.findElement(By.id("new-secret")).getText();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
        assertThat(browser.findElement(By.id("status")).getText()).contains("Waiting for review");
        screenshot("oauth-console-registered");
        // shown once: the list does not show it
        bank.open("/portal/apps.xhtml");
        WebElement list = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("apps:list")));
        assertThat(list.getText()).contains(name).contains(clientId).contains("Waiting for review").doesNotContain(secret);

        // not approved: the authorization request ends on an error page at the bank
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        URI authorize = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "email"),
                new ClientID(clientId), redirect).endpointURI(provider.getAuthorizationEndpointURI()).state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256).build().toURI();
        browser.get(authorize.toString());
        WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-code")));
        assertThat(refusal.getText()).isEqualTo("unauthorized_client");
        assertThat(browser.getCurrentUrl()).startsWith(TriadHttp.baseUrl("bank"));
        assertThat(send(new TokenRequest(provider.getTokenEndpointURI(), new ClientSecretBasic(new ClientID(clientId),
                new Secret(secret)), new com.nimbusds.oauth2.sdk.ClientCredentialsGrant(), null).toHTTPRequest())
                .getStatusCode()).isEqualTo(400);

        // an admin approves it in the back office
        bank.signOut();
        bank.open("/clerk/apps.xhtml?lang=en");
        wait.until(ExpectedConditions.urlContains("/signin.xhtml"));
        signIn("admin");
        wait.until(ExpectedConditions.urlContains("/clerk/apps.xhtml"));
        WebElement row = wait.until(d -> d.findElements(By.cssSelector("[id='review:list'] tr")).stream()
                .filter(r -> r.getText().contains(name)).findFirst().orElse(null));
        // the reviewer sees where the bank itself will send logout tokens
        assertThat(row.getText()).contains("https://bob.example/backchannel-logout");
        row.findElement(By.cssSelector("button[id$=':approve']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("review:messages"), "App approved"));
        screenshot("oauth-review-approved");
        bank.signOut();

        // now it works: bob signs in, consents (the icon shows), the app exchanges the code with its secret
        browser.get(authorize.toString());
        wait.until(ExpectedConditions.urlContains("/signin.xhtml"));
        signIn("bob@example.com");
        wait.until(ExpectedConditions.urlContains("/oauth2/consent.xhtml"));
        assertThat(browser.findElement(By.id("app-name")).getText()).isEqualTo(name);
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const i = document.getElementById('consent:icon'); return i != null && i.naturalWidth === 8;"));
        ui.click(By.id("consent:approve"));
        AuthenticationResponse answer = AuthenticationResponseParser.parse(redirectedTo(redirect.toString()));
        assertThat(answer.getState()).isEqualTo(state);
        AuthorizationCode code = answer.toSuccessResponse().getAuthorizationCode();

        TokenResponse wrongSecret = TokenResponse.parse(send(new TokenRequest(provider.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(clientId), new Secret(secret + "x")),
                new AuthorizationCodeGrant(code, redirect, verifier), null).toHTTPRequest()));
        assertThat(wrongSecret.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_client");
        OIDCTokenResponse tokens = tokenRequest(new TokenRequest(provider.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(clientId), new Secret(secret)),
                new AuthorizationCodeGrant(code, redirect, verifier), null));
        assertThat(userInfo(tokens.getOIDCTokens().getAccessToken()).getEmailAddress()).isEqualTo("bob@example.com");
        // RFC 7662 of its own refresh token; the shop learns nothing about another app's refresh token
        RefreshToken appRefresh = tokens.getOIDCTokens().getRefreshToken();
        TokenIntrospectionSuccessResponse own = introspect(appRefresh, clientId, secret);
        assertThat(own.isActive()).isTrue();
        assertThat(own.getClientID().getValue()).isEqualTo(clientId);
        assertThat(own.getSubject().getValue()).isEqualTo(userInfo(tokens.getOIDCTokens().getAccessToken())
                .getSubject().getValue());
        assertThat(own.getScope().toStringList()).containsExactlyInAnyOrder("openid", "email");
        assertThat(introspect(appRefresh, SHOP, SHOP_SECRET).isActive()).isFalse();
        // rotated: inside the grace window the old refresh token still refreshes, so it introspects as active too
        OIDCTokenResponse rotated = tokenRequest(new TokenRequest(provider.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(clientId), new Secret(secret)), new RefreshTokenGrant(appRefresh),
                null));
        assertThat(rotated.getOIDCTokens().getRefreshToken().getValue()).isNotEqualTo(appRefresh.getValue());
        assertThat(introspect(appRefresh, clientId, secret).isActive()).isTrue();
        assertThat(introspect(rotated.getOIDCTokens().getRefreshToken(), clientId, secret).isActive()).isTrue();

        // bob takes the consent back on "Authorized apps": the app's tokens stop working
        bank.open("/portal/authorized-apps.xhtml?lang=en");
        WebElement granted = wait.until(d -> d.findElements(By.cssSelector("[id='authorized:list'] tr")).stream()
                .filter(r -> r.getText().contains(name)).findFirst().orElse(null));
        granted.findElement(By.cssSelector("button[id$=':revoke']")).click();
        ui.click(By.id("authorized:confirm-yes"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("authorized:messages"), "Access revoked"));
        AccessToken appToken = tokens.getOIDCTokens().getAccessToken();
        pollUpTo1s(() -> userInfoStatus(appToken) == 401);
        assertThat(userInfoStatus(appToken)).isEqualTo(401);
        assertThat(introspect(appRefresh, clientId, secret).isActive()).isFalse();
        bank.signOut();
    }

    @Test
    @Order(7)
    void denyingConsentAnswersAccessDeniedAndLogoutEndsTheGrantAndTheBrowserSession() throws Exception {
        freshBrowser();
        State state = new State();
        URI authorize = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "profile"),
                new ClientID(DEMO), DEMO_REDIRECT).endpointURI(provider.getAuthorizationEndpointURI()).state(state)
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256).prompt(new Prompt(Prompt.Type.CONSENT))
                .build().toURI();
        browser.get(authorize.toString());
        wait.until(ExpectedConditions.urlContains("/signin.xhtml"));
        signIn("alice@example.com");
        wait.until(ExpectedConditions.urlContains("/oauth2/consent.xhtml"));
        ui.click(By.id("consent:deny"));
        URI denied = redirectedTo(DEMO_REDIRECT.toString());
        Map<String, String> answer = parameters(denied.getRawQuery());
        assertThat(answer.get("error")).isEqualTo("access_denied");
        assertThat(answer.get("state")).isEqualTo(state.getValue());
        assertThat(answer).doesNotContainKey("code");

        // RP-initiated logout with the ID token of a grant
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = codeFor(DEMO, DEMO_REDIRECT, verifier, new Scope("openid"));
        OIDCTokenResponse tokens = tokenRequest(new TokenRequest(provider.getTokenEndpointURI(), new ClientID(DEMO),
                new AuthorizationCodeGrant(code, DEMO_REDIRECT, verifier)));
        String idToken = tokens.getOIDCTokens().getIDTokenString();
        // an unregistered post-logout address: no redirect
        HttpResponse<String> foreign = TriadHttp.get(URI.create(provider.getEndSessionEndpointURI() + "?" + form(Map.of(
                "id_token_hint", idToken, "post_logout_redirect_uri", "https://evil.example/"))));
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.headers().firstValue("Location")).isEmpty();

        browser.get(provider.getEndSessionEndpointURI() + "?" + form(Map.of("id_token_hint", idToken,
                "post_logout_redirect_uri", "http://127.0.0.1:9/signed-out", "state", "bye")));
        URI after = redirectedTo("http://127.0.0.1:9/signed-out");
        assertThat(parameters(after.getRawQuery()).get("state")).isEqualTo("bye");
        AccessToken access = tokens.getOIDCTokens().getAccessToken();
        pollUpTo1s(() -> userInfoStatus(access) == 401);
        assertThat(userInfoStatus(access)).isEqualTo(401);
        // the browser is signed out of the bank too
        bank.open("/portal/dashboard.xhtml");
        wait.until(ExpectedConditions.urlContains("/signin.xhtml"));
    }

    @Test
    @Order(8)
    void promptLoginAndMaxAgeAskForAFreshSignInAndPromptNoneDoesNot() throws Exception {
        // malformed values are the app's errors
        assertRedirectError(pkce(Map.of("client_id", DEMO, "redirect_uri", DEMO_REDIRECT.toString(),
                "max_age", "soon", "state", "s-8")), "invalid_request", false);
        assertRedirectError(pkce(Map.of("client_id", DEMO, "redirect_uri", DEMO_REDIRECT.toString(),
                "max_age", "-1", "state", "s-8")), "invalid_request", false);
        assertRedirectError(pkce(Map.of("client_id", DEMO, "redirect_uri", DEMO_REDIRECT.toString(),
                "prompt", "none login", "state", "s-8")), "invalid_request", false);

        // alice is signed in and has consented to the demo app's openid scope (test 1): a code comes at once
        freshBrowser();
        bank.open("/portal/dashboard.xhtml");
        wait.until(ExpectedConditions.urlContains("/signin.xhtml"));
        signIn("alice@example.com");
        wait.until(ExpectedConditions.urlContains("/portal/dashboard.xhtml"));
        Instant first = authTime(authorize(null, null, false));

        // prompt=login: the sign-in page again, then the code; auth_time is the new sign-in
        Thread.sleep(1_100);
        Instant second = authTime(authorize(new Prompt(Prompt.Type.LOGIN), null, true));
        assertThat(second).isAfter(first);
        // without prompt the new sign-in is used as it is
        assertThat(authTime(authorize(null, null, false))).isEqualTo(second);

        // max_age: a sign-in older than that is asked again; a younger one is accepted
        Thread.sleep(2_100);
        Instant third = authTime(authorize(null, 1, true));
        assertThat(third).isAfter(second);
        assertThat(authTime(authorize(null, 600, false))).isEqualTo(third);

        // prompt=none with a too old sign-in: login_required, no sign-in page, nothing issued
        Thread.sleep(1_100);
        URI none = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"), new ClientID(DEMO),
                DEMO_REDIRECT).endpointURI(provider.getAuthorizationEndpointURI()).state(new State())
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256).prompt(new Prompt(Prompt.Type.NONE))
                .maxAge(0).build().toURI();
        browser.get(none.toString());
        Map<String, String> answer = parameters(redirectedTo(DEMO_REDIRECT.toString()).getRawQuery());
        assertThat(answer.get("error")).isEqualTo("login_required");
        assertThat(answer).doesNotContainKey("code");
    }

    @Test
    @Order(9)
    void anOrganisationAdministratorRegistersAnAppForTheOrganisation() {
        String name = "Enterprise app " + UUID.randomUUID().toString().substring(0, 8);
        freshBrowser();
        bank.open("/portal/app-edit.xhtml?lang=en");
        wait.until(ExpectedConditions.urlContains("/signin.xhtml"));
        signIn("alice@example.com");
        wait.until(ExpectedConditions.urlContains("/portal/app-edit.xhtml"));
        ui.type(By.id("app:name"), name);
        ui.type(By.id("app:redirects"), "http://127.0.0.1:9/org-" + UUID.randomUUID());
        ui.choose("app:owner", "Triad Demo Enterprise");
        screenshot("oauth-console-organisation-owner");
        ui.click(By.id("app:save"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-client-id")));
        assertThat(browser.findElement(By.id("owner-name")).getText()).isEqualTo("Triad Demo Enterprise");
        bank.open("/portal/apps.xhtml");
        WebElement row = wait.until(d -> d.findElements(By.cssSelector("[id='apps:list'] tr")).stream()
                .filter(r -> r.getText().contains(name)).findFirst().orElse(null));
        assertThat(row.findElement(By.className("app-owner")).getText()).isEqualTo("Triad Demo Enterprise");
        screenshot("oauth-console-organisation-app");
        bank.signOut();

        // bob is only a member of that organisation: he neither sees the app nor is offered the organisation
        bank.open("/portal/apps.xhtml?lang=en");
        wait.until(ExpectedConditions.urlContains("/signin.xhtml"));
        signIn("bob@example.com");
        WebElement list = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("apps:list")));
        assertThat(list.getText()).doesNotContain(name);
        bank.open("/portal/app-edit.xhtml");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("app:name")));
        assertThat(browser.findElements(By.id("app:owner"))).isEmpty();
        bank.signOut();
    }

    @Test
    @Order(10)
    void thePhoneScopeGivesTheNumberTheCustomerEnteredAndNothingWhenThereIsNone() throws Exception {
        URI phoneApi = TriadHttp.uri("bank", "/api/v1/me/phone");
        // HTTP Basic of the bank's API (not OAuth client authentication: no form-encoding of the name)
        String alice = "Basic " + java.util.Base64.getEncoder().encodeToString(
                ("alice@example.com:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> bad = TriadHttp.send(java.net.http.HttpRequest.newBuilder(phoneApi)
                .header("Authorization", alice).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"phone\": \"138 0013 8000\"}")).build());
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        HttpResponse<String> set = TriadHttp.send(java.net.http.HttpRequest.newBuilder(phoneApi)
                .header("Authorization", alice).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"phone\": \"+86 138-0013-8000\"}")).build());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(TriadHttp.json(set).getString("phone")).isEqualTo("+8613800138000");

        // the demo app asks for phone, new to alice's consent: the consent page says so
        CodeVerifier verifier = new CodeVerifier();
        URI authorize = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "phone"),
                new ClientID(DEMO), DEMO_REDIRECT).endpointURI(provider.getAuthorizationEndpointURI())
                .state(new State()).codeChallenge(verifier, CodeChallengeMethod.S256).build().toURI();
        freshBrowser();
        browser.get(authorize.toString());
        wait.until(ExpectedConditions.urlContains("/signin.xhtml"));
        signIn("alice@example.com");
        WebElement consent = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("consent-panel")));
        assertThat(consent.getText()).contains("Your phone number");
        ui.click(By.id("consent:approve"));
        AuthorizationCode code = AuthenticationResponseParser.parse(redirectedTo(DEMO_REDIRECT.toString()))
                .toSuccessResponse().getAuthorizationCode();
        AccessToken access = tokenRequest(new TokenRequest(provider.getTokenEndpointURI(), new ClientID(DEMO),
                new AuthorizationCodeGrant(code, DEMO_REDIRECT, verifier))).getOIDCTokens().getAccessToken();
        UserInfo info = userInfo(access);
        assertThat(info.getPhoneNumber()).isEqualTo("+8613800138000");
        assertThat(info.getPhoneNumberVerified()).isFalse();
        assertThat(info.getEmailAddress()).as("email was not granted").isNull();

        // removed: the claim is gone, the token still works
        HttpResponse<String> removed = TriadHttp.send(java.net.http.HttpRequest.newBuilder(phoneApi)
                .header("Authorization", alice).DELETE().build());
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(userInfo(access).getPhoneNumber()).isNull();
    }

    @Test
    @Order(11)
    void anAdministratorRotatesTheSigningKeyInTheBackOfficeAndBothKeysArePublished() throws Exception {
        freshBrowser();
        bank.open("/clerk/signing-keys.xhtml?lang=en");
        wait.until(ExpectedConditions.urlContains("/signin.xhtml"));
        signIn("admin");
        WebElement list = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("keys:list")));
        String before = currentKid();
        assertThat(list.getText()).contains("Current");
        ui.click(By.id("keys:rotate"));
        ui.click(By.id("keys:confirm-yes"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"), "Signing key rotated"));
        wait.until(d -> !before.equals(currentKid()));
        String after = currentKid();
        screenshot("oauth-signing-keys-rotated");
        JWKSet published = JWKSet.parse(TriadHttp.get(provider.getJWKSetURI()).body());
        assertThat(published.getKeyByKeyId(after)).isNotNull();
        assertThat(published.getKeyByKeyId(before)).as("retired, still published").isNotNull();
        bank.signOut();

        // a clerk sees the keys but cannot rotate them
        bank.open("/clerk/signing-keys.xhtml?lang=en");
        wait.until(ExpectedConditions.urlContains("/signin.xhtml"));
        signIn("clerk");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("keys:list")));
        assertThat(browser.findElements(By.id("keys:rotate"))).isEmpty();
        bank.signOut();

        // tokens are signed with the new key from now on
        bank.open("/portal/dashboard.xhtml");
        wait.until(ExpectedConditions.urlContains("/signin.xhtml"));
        signIn("alice@example.com");
        wait.until(ExpectedConditions.urlContains("/portal/dashboard.xhtml"));
        JWT idToken = authorize(null, null, false);
        assertThat(((com.nimbusds.jose.JWSHeader) idToken.getHeader()).getKeyID()).isEqualTo(after);
    }

    /** The kid of the row marked current on the signing keys screen. */
    private static String currentKid() {
        return browser.findElements(By.cssSelector("[id='keys:list'] tbody tr")).stream()
                .filter(r -> r.findElement(By.className("key-status")).getText().equals("Current"))
                .map(r -> r.findElement(By.className("key-id")).getText()).findFirst().orElseThrow();
    }

    /**
     * Asks the demo app's authorization endpoint for a code (openid, consent remembered), signing alice in when
     * {@code signInExpected}; answers the code's ID token.
     */
    private static JWT authorize(Prompt prompt, Integer maxAge, boolean signInExpected) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest.Builder builder = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid"), new ClientID(DEMO), DEMO_REDIRECT).endpointURI(provider.getAuthorizationEndpointURI())
                .state(new State()).nonce(new Nonce()).codeChallenge(verifier, CodeChallengeMethod.S256).prompt(prompt);
        if (maxAge != null) {
            builder.maxAge(maxAge);
        }
        browser.get(builder.build().toURI().toString());
        wait.until(d -> d.getCurrentUrl().startsWith(DEMO_REDIRECT.toString())
                || d.getCurrentUrl().contains("/signin.xhtml"));
        assertThat(browser.getCurrentUrl().contains("/signin.xhtml")).as(browser.getCurrentUrl())
                .isEqualTo(signInExpected);
        if (signInExpected) {
            signIn("alice@example.com");
        }
        AuthenticationResponse response = AuthenticationResponseParser.parse(redirectedTo(DEMO_REDIRECT.toString()));
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
        return tokenRequest(new TokenRequest(provider.getTokenEndpointURI(), new ClientID(DEMO),
                new AuthorizationCodeGrant(code, DEMO_REDIRECT, verifier))).getOIDCTokens().getIDToken();
    }

    private static Instant authTime(JWT idToken) throws java.text.ParseException {
        return idToken.getJWTClaimsSet().getDateClaim("auth_time").toInstant();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static Map<String, String> pkce(Map<String, String> params) {
        Map<String, String> all = new HashMap<>(Map.of("response_type", "code", "scope", "openid",
                "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "code_challenge_method", "S256"));
        all.putAll(params);
        return all;
    }

    private static void assertRedirectError(Map<String, String> params, String error, boolean fragment) {
        HttpResponse<String> r = TriadHttp.get(URI.create(TriadHttp.baseUrl("bank") + "/oauth2/authorize?"
                + form(params)));
        assertThat(r.statusCode()).as(params + " " + r.body()).isEqualTo(302);
        URI location = URI.create(r.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(params.get("redirect_uri"));
        Map<String, String> answer = parameters(fragment ? location.getRawFragment() : location.getRawQuery());
        assertThat(answer.get("error")).as(location.toString()).isEqualTo(error);
        assertThat(answer.get("error_description")).isNotBlank();
        assertThat(answer.get("state")).isEqualTo(params.get("state"));
        assertThat(answer).doesNotContainKeys("code", "access_token");
    }

    private static void assertTokenError(String body, String error) {
        HttpResponse<String> r = TriadHttp.post(URI.create(TriadHttp.baseUrl("bank") + "/oauth2/token"),
                "application/x-www-form-urlencoded", body);
        assertThat(r.statusCode()).as(body + " " + r.body()).isEqualTo(400);
        assertThat(TriadHttp.json(r).getString("error")).as(body).isEqualTo(error);
        assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    }

    private static AuthorizationCode codeFor(String clientId, URI redirect, CodeVerifier verifier, Scope scope)
            throws Exception {
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE, scope,
                new ClientID(clientId), redirect).endpointURI(provider.getAuthorizationEndpointURI())
                .state(new State()).nonce(new Nonce()).codeChallenge(verifier, CodeChallengeMethod.S256).build();
        browser.get(request.toURI().toString());
        AuthenticationResponse response = AuthenticationResponseParser.parse(redirectedTo(redirect.toString()));
        assertThat(response.indicatesSuccess()).isTrue();
        return response.toSuccessResponse().getAuthorizationCode();
    }

    private static OIDCTokenResponse tokenRequest(TokenRequest request) throws Exception {
        HTTPResponse http = send(request.toHTTPRequest());
        assertThat(http.getHeaderValue("Cache-Control")).contains("no-store");
        TokenResponse response = OIDCTokenResponseParser.parse(http);
        assertThat(response.indicatesSuccess()).as(response instanceof TokenErrorResponse e
                ? e.getErrorObject().toJSONObject().toString() : "").isTrue();
        return (OIDCTokenResponse) response.toSuccessResponse();
    }

    private static UserInfo userInfo(AccessToken token) throws Exception {
        UserInfoResponse response = UserInfoResponse.parse(send(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                (BearerAccessToken) token).toHTTPRequest()));
        assertThat(response.indicatesSuccess()).isTrue();
        return response.toSuccessResponse().getUserInfo();
    }

    private static int userInfoStatus(AccessToken token) {
        try {
            return send(new UserInfoRequest(provider.getUserInfoEndpointURI(), (BearerAccessToken) token)
                    .toHTTPRequest()).getStatusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Introspection by the shop (a confidential app): access tokens of any app are answered. */
    private static TokenIntrospectionSuccessResponse introspect(AccessToken token) {
        return introspect(token, SHOP, SHOP_SECRET);
    }

    private static TokenIntrospectionSuccessResponse introspect(com.nimbusds.oauth2.sdk.token.Token token,
                                                                String clientId, String secret) {
        try {
            TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(send(new TokenIntrospectionRequest(
                    provider.getIntrospectionEndpointURI(), new ClientSecretBasic(new ClientID(clientId),
                    new Secret(secret)), token).toHTTPRequest()));
            assertThat(response.indicatesSuccess()).isTrue();
            return response.toSuccessResponse();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HTTPResponse send(HTTPRequest request) throws java.io.IOException {
        request.setSSLSocketFactory(ssl);
        return request.send();
    }

    /** The "within 1 s" semantic: polls the condition for up to a second. */
    private static void pollUpTo1s(BooleanSupplier condition) {
        long end = System.nanoTime() + 1_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.onSpinWait();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Throwable catchThrowable(ThrowingRunnable runnable) {
        try {
            runnable.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** The URL the browser was sent to (unreachable: its error page keeps the URL). */
    private static URI redirectedTo(String prefix) {
        wait.until(d -> d.getCurrentUrl().startsWith(prefix));
        return URI.create(browser.getCurrentUrl());
    }

    private static String form(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }

    private static Map<String, String> parameters(String raw) {
        Map<String, String> map = new HashMap<>();
        if (raw == null) {
            return map;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            map.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return map;
    }

    private static String basicAuth(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (URLEncoder.encode(user, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(password,
                        StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    /** Signed out: the bank's cookies deleted (cookies are deleted for the current site only). */
    private static void freshBrowser() {
        bank.open("/index.xhtml");
        browser.manage().deleteAllCookies();
    }

    private static void signIn(String user) {
        bank.signIn(user, PASSWORD);
    }

    private static void screenshot(String name) {
        try {
            ui.screenshot(name);
        } catch (RuntimeException e) {
            // a missing screenshot does not fail a test
        }
    }
}
