package org.triad.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triad.bank.BankClient.PASSWORD;
import static org.triad.bank.BankClient.PAY_PASSWORD;
import static org.triad.bank.BankClient.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.triad.testkit.Deployments;
import org.triad.testkit.TriadHttp;

/**
 * Login methods over the real REST API and callbacks of the deployed bank.ear: TOTP enrolment and the second step
 * (codes computed here by an independent RFC 6238 implementation), recovery codes, QR login (creating client,
 * confirming device, a second client that only knows the scene id), and the WeChat callback with signatures
 * computed here. The WeChat API client is replaced by {@link TestWeChatClient}, added to this deployment only.
 */
@ExtendWith(ArquillianExtension.class)
class LoginMethodsIT {

    static final String WECHAT_TOKEN = "test-wechat-token";

    private static Mailbox mailbox;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear("bank", "triad.bank.wechat.app-id=wx-test-app\n"
                + "triad.bank.wechat.app-secret=test-app-secret\n"
                + "triad.bank.wechat.token=" + WECHAT_TOKEN + "\n"
                + "triad.bank.wechat.max-callback-bytes=4096\n"
                // counters of its own: sign-ins of earlier test classes in the same minute do not count here
                + "triad.bank.rate-limit.cache=triad-bank-rate-limits-login-it-" + UUID.randomUUID() + "\n",
                TestWeChatClient.class);
    }

    @BeforeAll
    static void startMailServer() {
        mailbox = new Mailbox();
    }

    @AfterAll
    static void stopMailServer() {
        if (mailbox != null) {
            mailbox.close();
        }
    }

    // --- TOTP -----------------------------------------------------------------------------------------------------

    @Test
    void totpEnrolmentSecondStepReplayRecoveryCodesAndDisable() throws Exception {
        String email = newCustomer("Tia");
        BankClient me = BankClient.login(email, PASSWORD);

        assertThat(json(me.get("/api/v1/me/totp")).getBoolean("active")).isFalse();
        HttpResponse<String> started = me.post("/api/v1/me/totp", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String secret = json(started).getString("secret");
        assertThat(json(started).getString("uri")).startsWith("otpauth://totp/Triad%20Bank:")
                .contains("secret=" + secret).contains("issuer=Triad%20Bank");
        byte[] key = base32(secret);

        // a wrong first code activates nothing
        HttpResponse<String> wrongFirst = me.post("/api/v1/me/totp/activation", code(wrong(totp(key, 0))));
        assertThat(wrongFirst.statusCode()).isEqualTo(422);
        assertThat(json(wrongFirst).getString("type")).endsWith("/invalid-code");
        assertThat(json(me.get("/api/v1/me/totp")).getBoolean("active")).isFalse();

        HttpResponse<String> activated = me.post("/api/v1/me/totp/activation", code(totp(key, 0)));
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        List<String> recovery = json(activated).getJsonArray("recoveryCodes").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList();
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}"));
        assertThat(json(me.get("/api/v1/me/totp")).getBoolean("active")).isTrue();

        // the password alone no longer signs in
        HttpResponse<String> noCode = BankClient.basic(email, PASSWORD).post("/api/v1/sessions", "");
        assertThat(noCode.statusCode()).isEqualTo(401);
        assertThat(json(noCode).getString("type")).endsWith("/mfa-required");

        // a code of the next time step (accepted within the ±1 step window) signs in
        String next = totp(key, 1);
        HttpResponse<String> withCode = basicWithOtp(email, PASSWORD, next);
        assertThat(withCode.statusCode()).as(withCode.body()).isEqualTo(201);
        assertThat(json(withCode).getString("token")).isNotBlank();

        // the same code again is a replay
        HttpResponse<String> replay = basicWithOtp(email, PASSWORD, next);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(json(replay).getString("type")).endsWith("/invalid-credentials");

        // a recovery code works once
        HttpResponse<String> recovered = basicWithOtp(email, PASSWORD, recovery.get(3).toUpperCase());
        assertThat(recovered.statusCode()).as(recovered.body()).isEqualTo(201);
        HttpResponse<String> recoveredAgain = basicWithOtp(email, PASSWORD, recovery.get(3));
        assertThat(recoveredAgain.statusCode()).isEqualTo(401);
        assertThat(json(me.get("/api/v1/me/totp")).getInt("recoveryCodesLeft")).isEqualTo(9);
        // recovery codes are shown once: the state never contains them
        assertThat(me.get("/api/v1/me/totp").body()).doesNotContain(recovery.get(0));

        // the token API login: password alone → mfa-required; with a recovery code as "totp" → tokens
        HttpResponse<String> apiNoCode = apiLogin(Json.createObjectBuilder().add("email", email)
                .add("password", PASSWORD));
        assertThat(apiNoCode.statusCode()).isEqualTo(401);
        assertThat(json(apiNoCode).getString("type")).endsWith("/mfa-required");
        HttpResponse<String> apiWrong = apiLogin(Json.createObjectBuilder().add("email", email)
                .add("password", PASSWORD).add("totp", wrong(next)));
        assertThat(apiWrong.statusCode()).isEqualTo(401);
        assertThat(json(apiWrong).getString("type")).endsWith("/invalid-credentials");
        HttpResponse<String> apiRecovered = apiLogin(Json.createObjectBuilder().add("email", email)
                .add("password", PASSWORD).add("totp", recovery.get(5)));
        assertThat(apiRecovered.statusCode()).as(apiRecovered.body()).isEqualTo(200);
        assertThat(json(apiRecovered).getString("access_token")).isNotBlank();
        // an email code is a first step too: the authenticator is still asked for
        assertThat(BankClient.anonymous().post("/api/v1/auth/login-codes", emailBody(email)).statusCode())
                .isEqualTo(202);
        HttpResponse<String> codeNoTotp = apiLogin(Json.createObjectBuilder().add("method", "email-code")
                .add("email", email).add("code", mailbox.code(email, "sign-in code")));
        assertThat(codeNoTotp.statusCode()).isEqualTo(401);
        assertThat(json(codeNoTotp).getString("type")).endsWith("/mfa-required");

        // disabling needs a right code or the password; a wrong one changes nothing
        HttpResponse<String> wrongDisable = me.post("/api/v1/me/totp/deactivation",
                Json.createObjectBuilder().add("password", "not-the-password").build().toString());
        assertThat(wrongDisable.statusCode()).isEqualTo(401);
        assertThat(json(me.get("/api/v1/me/totp")).getBoolean("active")).isTrue();
        HttpResponse<String> disabled = me.post("/api/v1/me/totp/deactivation",
                Json.createObjectBuilder().add("password", PASSWORD).build().toString());
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(204);
        assertThat(json(me.get("/api/v1/me/totp")).getBoolean("active")).isFalse();
        assertThat(BankClient.basic(email, PASSWORD).post("/api/v1/sessions", "").statusCode()).isEqualTo(201);
    }

    // --- email code -----------------------------------------------------------------------------------------------

    @Test
    void emailCodeSignInWithoutAccountEnumerationAttemptLimitAndSingleUse() {
        String email = newCustomer("Eve");
        HttpResponse<String> known = BankClient.anonymous().post("/api/v1/auth/login-codes", emailBody(email));
        HttpResponse<String> unknown = BankClient.anonymous().post("/api/v1/auth/login-codes",
                emailBody("nobody-" + UUID.randomUUID() + "@example.com"));
        assertThat(known.statusCode()).isEqualTo(202);
        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(known.body());
        String code = mailbox.code(email, "sign-in code");

        // five wrong codes use the code up: then even the right one is refused
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = apiLogin(emailCode(email, wrong(code)));
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(json(r).getString("type")).endsWith("/invalid-credentials");
        }
        HttpResponse<String> exhausted = apiLogin(emailCode(email, code));
        assertThat(exhausted.statusCode()).isEqualTo(401);

        // a new code works once
        int mails = mailbox.count(email);
        assertThat(BankClient.anonymous().post("/api/v1/auth/login-codes", emailBody(email)).statusCode())
                .isEqualTo(202);
        String fresh = mailbox.codeAfter(email, "sign-in code", mails);
        HttpResponse<String> signedIn = apiLogin(emailCode(email, fresh));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        HttpResponse<String> me = BankClient.bearer(json(signedIn).getString("access_token")).get("/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).getString("email")).isEqualTo(email);
        HttpResponse<String> reused = apiLogin(emailCode(email, fresh));
        assertThat(reused.statusCode()).isEqualTo(401);

        // an unknown address is refused exactly like a wrong code
        HttpResponse<String> stranger = apiLogin(emailCode("nobody-" + UUID.randomUUID() + "@example.com", fresh));
        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(json(stranger).getString("type")).endsWith("/invalid-credentials");
    }

    @Test
    void wrongSecondStepCodesCountTowardTheLockout() throws Exception {
        String email = newCustomer("Lok");
        BankClient me = BankClient.login(email, PASSWORD);
        byte[] key = base32(json(me.post("/api/v1/me/totp", "")).getString("secret"));
        assertThat(me.post("/api/v1/me/totp/activation", code(totp(key, 0))).statusCode()).isEqualTo(200);

        String right = totp(key, 1);
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> r = basicWithOtp(email, PASSWORD, wrong(right));
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(json(r).getString("type")).endsWith("/invalid-credentials");
        }
        HttpResponse<String> fifth = basicWithOtp(email, PASSWORD, wrong(right));
        assertThat(fifth.statusCode()).isEqualTo(401);
        assertThat(json(fifth).getString("type")).endsWith("/account-locked");
        // locked: even the right password and code are refused now
        HttpResponse<String> locked = basicWithOtp(email, PASSWORD, right);
        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(json(locked).getString("type")).endsWith("/account-locked");
    }

    // --- QR login -------------------------------------------------------------------------------------------------

    @Test
    void qrLoginConfirmedOnAPhoneSignsInOnlyTheCreatingClientOnce() {
        JsonObject scene = createScene();
        String id = scene.getString("scene");
        assertThat(id).matches("[A-Za-z0-9_-]{43}");
        assertThat(scene.getString("url")).endsWith("/bank/qr/" + id);
        assertThat(status(id)).isEqualTo("PENDING");

        BankClient phone = BankClient.login("alice@example.com", PASSWORD);
        HttpResponse<String> details = phone.get("/api/v1/qr-login/" + id + "/details");
        assertThat(details.statusCode()).as(details.body()).isEqualTo(200);
        assertThat(json(details).getString("userAgent")).isEqualTo("BankClient/IT");
        assertThat(json(details).getString("ipAddress")).isNotBlank();
        assertThat(status(id)).isEqualTo("SCANNED");

        // not confirmed yet
        HttpResponse<String> early = consume(id, scene.getString("secret"));
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(json(early).getString("type")).endsWith("/qr-scene-not-confirmed");

        // nobody signed in cannot confirm
        assertThat(BankClient.anonymous().post("/api/v1/qr-login/" + id + "/confirmation", "").statusCode())
                .isEqualTo(401);
        assertThat(phone.post("/api/v1/qr-login/" + id + "/confirmation", "").statusCode()).isEqualTo(204);
        assertThat(status(id)).isEqualTo("CONFIRMED");

        // a second client that learnt the scene id (a phished QR code) gets nothing, and uses nothing up
        HttpResponse<String> attacker = consume(id, UUID.randomUUID() + "-" + UUID.randomUUID());
        assertThat(attacker.statusCode()).isEqualTo(404);
        assertThat(status(id)).isEqualTo("CONFIRMED");

        HttpResponse<String> signedIn = consume(id, scene.getString("secret"));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(201);
        String token = json(signedIn).getString("token");
        HttpResponse<String> me = BankClient.bearer(token).get("/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).getString("email")).isEqualTo("alice@example.com");

        // single use
        HttpResponse<String> again = consume(id, scene.getString("secret"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).getString("type")).endsWith("/qr-scene-used");
        assertThat(phone.post("/api/v1/qr-login/" + id + "/confirmation", "").statusCode()).isEqualTo(409);
        assertThat(status(id)).isEqualTo("CONSUMED");
    }

    @Test
    void rejectedUnknownAndMalformedScenesAreRefused() {
        JsonObject scene = createScene();
        String id = scene.getString("scene");
        BankClient phone = BankClient.login("bob@example.com", PASSWORD);
        assertThat(phone.post("/api/v1/qr-login/" + id + "/rejection", "").statusCode()).isEqualTo(204);
        assertThat(status(id)).isEqualTo("REJECTED");
        HttpResponse<String> consumed = consume(id, scene.getString("secret"));
        assertThat(consumed.statusCode()).isEqualTo(409);
        assertThat(json(consumed).getString("type")).endsWith("/qr-scene-rejected");
        assertThat(phone.post("/api/v1/qr-login/" + id + "/confirmation", "").statusCode()).isEqualTo(409);

        String unknown = "A".repeat(43);
        HttpResponse<String> missing = BankClient.anonymous().get("/api/v1/qr-login/" + unknown);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).getString("type")).endsWith("/qr-scene-not-found");
        assertThat(BankClient.anonymous().get("/api/v1/qr-login/not-a-scene").statusCode()).isEqualTo(404);
        assertThat(phone.post("/api/v1/qr-login/" + unknown + "/confirmation", "").statusCode()).isEqualTo(404);
    }

    // --- WeChat ---------------------------------------------------------------------------------------------------

    @Test
    void weChatServerVerificationEchoesOnlyWithAValidSignature() {
        String ts = String.valueOf(Instant.now().getEpochSecond());
        String nonce = "n" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> good = TriadHttp.get(callbackUri(signature(WECHAT_TOKEN, ts, nonce), ts, nonce,
                "&echostr=echo-1234"));
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(good.body()).isEqualTo("echo-1234");

        HttpResponse<String> bad = TriadHttp.get(callbackUri(signature("other-token", ts, nonce), ts, nonce,
                "&echostr=echo-1234"));
        assertThat(bad.statusCode()).isEqualTo(403);
        assertThat(bad.body()).doesNotContain("echo-1234");
        assertThat(TriadHttp.get(callbackUri("", ts, nonce, "&echostr=x")).statusCode()).isEqualTo(403);
    }

    @Test
    void unboundWeChatUserIsHeldThenBoundAfterSigningInAnotherWayThenScanSignsIn() {
        String openid = "o-" + UUID.randomUUID();
        String unionid = "u-" + UUID.randomUUID();

        // first scan: subscribe through the scene QR code; the openid is unknown, so it is held
        JsonObject first = createScene();
        String firstId = first.getString("scene");
        HttpResponse<String> subscribed = callback(event(openid, unionid, "subscribe", "qrscene_" + firstId));
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(200);
        assertThat(subscribed.body()).isEqualTo("success");
        assertThat(status(firstId)).isEqualTo("SCANNED");
        HttpResponse<String> notYet = consume(firstId, first.getString("secret"));
        assertThat(notYet.statusCode()).isEqualTo(409);

        // the waiting client signs in another way (password) and binds the held WeChat user; another client cannot
        String email = newCustomer("Wei");
        BankClient customer = BankClient.login(email, PASSWORD);
        HttpResponse<String> stranger = customer.post("/api/v1/qr-login/" + firstId + "/wechat-binding",
                secretBody(UUID.randomUUID() + "-" + UUID.randomUUID()));
        assertThat(stranger.statusCode()).isEqualTo(404);
        HttpResponse<String> bound = customer.post("/api/v1/qr-login/" + firstId + "/wechat-binding",
                secretBody(first.getString("secret")));
        assertThat(bound.statusCode()).as(bound.body()).isEqualTo(204);

        // from now on a SCAN of a new scene by that WeChat user confirms it for the customer
        JsonObject second = createScene();
        String secondId = second.getString("scene");
        HttpResponse<String> scanned = callback(event(openid, null, "SCAN", secondId));
        assertThat(scanned.statusCode()).isEqualTo(200);
        assertThat(status(secondId)).isEqualTo("CONFIRMED");
        HttpResponse<String> signedIn = consume(secondId, second.getString("secret"));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(201);
        assertThat(json(BankClient.bearer(json(signedIn).getString("token")).get("/api/v1/me")).getString("email"))
                .isEqualTo(email);
    }

    @Test
    void badSignatureMalformedOversizedAndXxeCallbacksAreRefusedAndChangeNothing() {
        JsonObject scene = createScene();
        String id = scene.getString("scene");
        String openid = "o-" + UUID.randomUUID();
        String ts = String.valueOf(Instant.now().getEpochSecond());
        String nonce = "n" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> unsigned = post(callbackUri(signature("wrong", ts, nonce), ts, nonce, ""),
                event(openid, null, "SCAN", id));
        assertThat(unsigned.statusCode()).isEqualTo(403);

        assertThat(callback("<xml><FromUserName>" + openid + "</FromUserName><MsgType>event").statusCode())
                .isEqualTo(400);
        assertThat(callback("not xml at all").statusCode()).isEqualTo(400);
        String big = event(openid, null, "SCAN", id).replace("</xml>", "<Pad>" + "x".repeat(5000) + "</Pad></xml>");
        assertThat(callback(big).statusCode()).isEqualTo(413);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><ToUserName>gh</ToUserName><FromUserName>&e;</FromUserName><MsgType>event</MsgType>"
                + "<Event>SCAN</Event><EventKey>" + id + "</EventKey></xml>";
        HttpResponse<String> xxeAnswer = callback(xxe);
        assertThat(xxeAnswer.statusCode()).isEqualTo(400);
        assertThat(xxeAnswer.body()).doesNotContain("root:");

        assertThat(status(id)).isEqualTo("PENDING");
    }

    @Test
    void theQrSignInPageShowsTheWeChatSceneCodeFromTheWeChatClient() {
        HttpResponse<String> page = TriadHttp.get(TriadHttp.uri("bank", "/signin.xhtml?method=qr"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"qr-image\"").contains("/bank/login/qr.png")
                .contains(TestWeChatClient.IMAGE_BASE + "ticket-");
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** Registers and activates a new customer; returns the email. */
    private static String newCustomer(String nickname) {
        String email = nickname.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> registered = BankClient.anonymous().post("/api/v1/customers", Json.createObjectBuilder()
                .add("nickname", nickname).add("email", email).add("password", PASSWORD)
                .add("payPassword", PAY_PASSWORD).build().toString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        HttpResponse<String> activated = BankClient.anonymous().post("/api/v1/customers/activation",
                Json.createObjectBuilder().add("email", email)
                        .add("code", mailbox.code(email, "activate your account")).build().toString());
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        return email;
    }

    static Mailbox mailbox() {
        return mailbox;
    }

    private static HttpResponse<String> basicWithOtp(String email, String password, String otp) {
        return BankClient.basic(email, password).post("/api/v1/sessions", "", "X-Triad-OTP", otp);
    }

    private static HttpResponse<String> apiLogin(jakarta.json.JsonObjectBuilder body) {
        return BankClient.anonymous().post("/api/v1/auth/login", body.add("refresh_token_in_body", true).build().toString());
    }

    private static jakarta.json.JsonObjectBuilder emailCode(String email, String code) {
        return Json.createObjectBuilder().add("method", "email-code").add("email", email).add("code", code);
    }

    private static String emailBody(String email) {
        return Json.createObjectBuilder().add("email", email).build().toString();
    }

    private static String code(String code) {
        return Json.createObjectBuilder().add("code", code).build().toString();
    }

    private static String secretBody(String secret) {
        return Json.createObjectBuilder().add("secret", secret).build().toString();
    }

    private static JsonObject createScene() {
        HttpResponse<String> r = BankClient.anonymous().post("/api/v1/qr-login", "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r);
    }

    private static String status(String scene) {
        HttpResponse<String> r = BankClient.anonymous().get("/api/v1/qr-login/" + scene);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).keySet()).containsExactly("status");
        return json(r).getString("status");
    }

    private static HttpResponse<String> consume(String scene, String secret) {
        return BankClient.anonymous().post("/api/v1/qr-login/" + scene + "/session", secretBody(secret));
    }

    private static String event(String openid, String unionid, String event, String eventKey) {
        return "<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[" + openid
                + "]]></FromUserName><CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime>"
                + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[" + event + "]]></Event>"
                + "<EventKey><![CDATA[" + eventKey + "]]></EventKey>"
                + (unionid == null ? "" : "<UnionId><![CDATA[" + unionid + "]]></UnionId>") + "</xml>";
    }

    private static HttpResponse<String> callback(String xml) {
        String ts = String.valueOf(Instant.now().getEpochSecond());
        String nonce = "n" + UUID.randomUUID().toString().substring(0, 8);
        return post(callbackUri(signature(WECHAT_TOKEN, ts, nonce), ts, nonce, ""), xml);
    }

    private static HttpResponse<String> post(URI uri, String xml) {
        return TriadHttp.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(xml)).build());
    }

    private static URI callbackUri(String signature, String ts, String nonce, String extra) {
        return TriadHttp.uri("bank", "/wechat/callback?signature=" + URLEncoder.encode(signature, StandardCharsets.UTF_8)
                + "&timestamp=" + ts + "&nonce=" + nonce + extra);
    }

    /** WeChat's signature, computed here: sha1 of token, timestamp and nonce sorted and joined. */
    static String signature(String token, String ts, String nonce) {
        String[] parts = {token, ts, nonce};
        Arrays.sort(parts);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 6238 (HMAC-SHA1, 6 digits, 30 s) written here, independent of the bank's java-otp: now + offset steps. */
    static String totp(byte[] key, int offsetSteps) throws Exception {
        long step = Instant.now().getEpochSecond() / 30 + offsetSteps;
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int o = h[h.length - 1] & 0xf;
        int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
        return String.format("%06d", bin % 1_000_000);
    }

    /** A 6-digit code that is certainly not {@code right}. */
    static String wrong(String right) {
        return String.format("%06d", (Integer.parseInt(right) + 500_000) % 1_000_000);
    }

    static byte[] base32(String s) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        List<Byte> out = new ArrayList<>();
        int buffer = 0;
        int bits = 0;
        for (char c : s.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.add((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        byte[] bytes = new byte[out.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = out.get(i);
        }
        return bytes;
    }
}
