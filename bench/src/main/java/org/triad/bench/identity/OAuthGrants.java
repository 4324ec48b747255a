package org.triad.bench.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.triad.bench.common.Json;

/**
 * Obtains OAuth refresh tokens of the public demo app ({@code triad-demo}, code flow with PKCE S256) the way a
 * browser does, over plain HTTP: the authorization request, the bank's sign-in form, the consent form (first time
 * only), the redirect with the code, the code exchange. Not timed; the benchmark then measures the token endpoint's
 * refresh grant with these tokens.
 */
final class OAuthGrants {

    static final String CLIENT_ID = "triad-demo";
    static final String REDIRECT_URI = "http://127.0.0.1:9/callback";
    private static final Pattern FORM = Pattern.compile("<form[^>]*id=\"([^\"]+)\"[^>]*action=\"([^\"]*)\"[^>]*>(.*?)</form>",
            Pattern.DOTALL);
    private static final Pattern HIDDEN = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

    private final HttpClient browser;
    private final String bank;
    private final SecureRandom random = new SecureRandom();

    OAuthGrants(SSLContext tls, String bank) {
        this.browser = HttpClient.newBuilder().sslContext(tls).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        this.bank = bank;
    }

    /** A refresh token of a new grant; the browser session signs in on the first call. */
    String refreshToken(String email, String password) throws IOException, InterruptedException {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String authorize = bank + "/oauth2/authorize?response_type=code&client_id=" + CLIENT_ID + "&redirect_uri="
                + enc(REDIRECT_URI) + "&scope=openid&state=bench&code_challenge=" + challenge(verifier)
                + "&code_challenge_method=S256";
        URI location = redirect(get(URI.create(authorize)));
        for (int step = 0; step < 6 && !location.toString().startsWith(REDIRECT_URI); step++) {
            String path = location.getPath();
            if (path.endsWith("/signin.xhtml")) {
                location = redirect(submit(location, "signin", Map.of("signin:username", email,
                        "signin:password", password), "signin:submit"));
            } else if (path.endsWith("/oauth2/consent.xhtml")) {
                location = redirect(submit(location, "consent", Map.of(), "consent:approve"));
            } else {
                location = redirect(get(location));
            }
        }
        String code = parameter(location.getRawQuery(), "code");
        if (code == null) {
            throw new IllegalStateException("no code in " + location);
        }
        HttpResponse<String> tokens = browser.send(HttpRequest.newBuilder(URI.create(bank + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=" + CLIENT_ID
                        + "&code=" + enc(code) + "&redirect_uri=" + enc(REDIRECT_URI) + "&code_verifier=" + verifier))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (tokens.statusCode() != 200) {
            throw new IllegalStateException("code exchange answered " + tokens.statusCode() + ": " + tokens.body());
        }
        return Json.stringMember(tokens.body(), "refresh_token");
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri).header("User-Agent", "IdentityBench").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Loads the page, fills in the form's hidden fields (view state) and the given ones, presses the button. */
    private HttpResponse<String> submit(URI page, String formId, Map<String, String> fields, String button)
            throws IOException, InterruptedException {
        HttpResponse<String> shown = get(page);
        Matcher form = FORM.matcher(shown.body());
        while (form.find()) {
            if (!form.group(1).equals(formId)) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            Matcher hidden = HIDDEN.matcher(form.group(3));
            while (hidden.find()) {
                Matcher n = NAME.matcher(hidden.group());
                Matcher v = VALUE.matcher(hidden.group());
                if (n.find()) {
                    values.put(unescape(n.group(1)), v.find() ? unescape(v.group(1)) : "");
                }
            }
            values.putAll(fields);
            values.put(button, "");
            StringBuilder body = new StringBuilder();
            values.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
            return browser.send(HttpRequest.newBuilder(page.resolve(unescape(form.group(2))))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("User-Agent", "IdentityBench")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        throw new IllegalStateException("no form " + formId + " on " + page);
    }

    private static URI redirect(HttpResponse<String> r) {
        String location = r.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                r.uri() + " answered " + r.statusCode() + " without a redirect"));
        return r.uri().resolve(location);
    }

    private static String parameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#58;", ":").replace("&lt;", "<")
                .replace("&gt;", ">");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
