package org.triad.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triad.bank.BankClient.PASSWORD;
import static org.triad.bank.BankClient.PAY_PASSWORD;
import static org.triad.bank.BankClient.json;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.triad.bank.interfaces.rest.probe.CodeLimitsProbeResource;
import org.triad.testkit.Deployments;
import org.triad.testkit.TriadHttp;

/**
 * Issue 18, finding 3: e-mail sign-in codes could be guessed across codes (5 wrong tries per code, and a new code
 * whenever asked). With the default limits (10 wrong codes per account per hour, 5 codes per account per 15 minutes)
 * the probe's loop, "five wrong tries, ask for a new code, again", ends at the account limit: even the right code is
 * refused with {@code 429 sign-in-codes-locked} until the window has passed, while the password still signs in. The
 * window's passing is simulated by moving the failures back in time ({@link CodeLimitsProbeResource}), not waited for.
 */
@ExtendWith(ArquillianExtension.class)
class SignInCodeLimitsIT {

    private static final int MAX_FAILURES = 10;
    private static final int MAX_REQUESTS = 5;

    private static Mailbox mailbox;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear("bank", String.join("\n",
                "triad.bank.rate-limit.cache=triad-bank-rate-limits-it-" + UUID.randomUUID(),
                "triad.bank.login-code.max-failures=" + MAX_FAILURES,
                "triad.bank.login-code.failure-window-seconds=3600",
                "triad.bank.login-code.max-requests=" + MAX_REQUESTS,
                "triad.bank.login-code.request-window-seconds=900"), CodeLimitsProbeResource.class);
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

    @Test
    void wrongCodesCountPerAccountAcrossCodesUntilEvenTheRightCodeIsRefusedButThePasswordStillWorks() {
        String email = newCustomer("Gus");
        int wrong = 0;
        // the probe's loop: a new code, five wrong tries (the code is used up), again
        for (int round = 1; round <= 2; round++) {
            String code = newCode(email);
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> r = codeLogin(email, wrong(code));
                wrong++;
                if (wrong < MAX_FAILURES) {
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
                    assertThat(json(r).getString("type")).endsWith("/invalid-credentials");
                } else {
                    expectCodesLocked(r);
                }
            }
        }
        // a third code, and the right one: refused, clearly, because of the account's wrong codes
        String right = newCode(email);
        expectCodesLocked(codeLogin(email, right));
        expectCodesLocked(codeLogin(email, right));

        // the password path is not locked by this
        HttpResponse<String> password = BankClient.anonymous().post("/api/v1/auth/login", Json.createObjectBuilder()
                .add("email", email).add("password", PASSWORD).add("refresh_token_in_body", true).build().toString());
        assertThat(password.statusCode()).as(password.body()).isEqualTo(200);

        // once the window has passed (the failures an hour older), the same code signs in: it was not used up
        HttpResponse<String> aged = TriadHttp.post(TriadHttp.uri("bank",
                "/api/test/code-limits/age-failures?seconds=3601&email=" + email), "application/json", "");
        assertThat(json(aged).getInt("updated")).isEqualTo(MAX_FAILURES);
        HttpResponse<String> signedIn = codeLogin(email, right);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(json(signedIn).getString("access_token")).isNotBlank();
    }

    @Test
    void aStrangersWrongPasswordsLockOnlyThePasswordNotTheOwnersSessionsAppsOrCodeSignIn() {
        // issue 18 Medium 6: anyone who knows the address can lock the password; that must not sign the owner out
        String email = newCustomer("Val");
        HttpResponse<String> app = passwordLogin(email, PASSWORD);
        assertThat(app.statusCode()).as(app.body()).isEqualTo(200);
        String refresh = json(app).getString("refresh_token");
        BankClient portal = BankClient.login(email, PASSWORD);

        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> r = passwordLogin(email, "strangers-guess-" + i);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
            assertThat(json(r).getString("type")).endsWith(i < 5 ? "/invalid-credentials" : "/account-locked");
        }
        // the password is locked, even the right one ...
        HttpResponse<String> locked = passwordLogin(email, PASSWORD);
        assertThat(json(locked).getString("type")).as(locked.body()).endsWith("/account-locked");
        // ... but the session already open still works, and the app still refreshes its tokens
        HttpResponse<String> me = portal.get("/api/v1/me");
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        HttpResponse<String> refreshed = BankClient.anonymous().post("/api/v1/auth/refresh",
                Json.createObjectBuilder().add("refresh_token", refresh).build().toString());
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);

        // the owner's way out: an e-mailed code signs in, and lifts the password lock
        HttpResponse<String> byCode = codeLogin(email, newCode(email));
        assertThat(byCode.statusCode()).as(byCode.body()).isEqualTo(200);
        HttpResponse<String> again = passwordLogin(email, PASSWORD);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    }

    private static HttpResponse<String> passwordLogin(String email, String password) {
        return BankClient.anonymous().post("/api/v1/auth/login", Json.createObjectBuilder().add("email", email)
                .add("password", password).add("refresh_token_in_body", true).build().toString());
    }

    @Test
    void atMostFiveCodesAreMailedPerAccountWithinTheWindowAndTheAnswerStaysTheSame() {
        String email = newCustomer("Hal");
        String first = null;
        for (int i = 0; i < MAX_REQUESTS + 3; i++) {
            HttpResponse<String> r = BankClient.anonymous().post("/api/v1/auth/login-codes", emailBody(email));
            assertThat(r.statusCode()).isEqualTo(202);
            first = first == null ? r.body() : first;
            assertThat(r.body()).isEqualTo(first);
        }
        HttpResponse<String> issued = TriadHttp.get(TriadHttp.uri("bank", "/api/test/code-limits/issued?email=" + email));
        assertThat(json(issued).getInt("issued")).isEqualTo(MAX_REQUESTS);
        // the answer for an unknown address is still the same
        HttpResponse<String> unknown = BankClient.anonymous().post("/api/v1/auth/login-codes",
                emailBody("nobody-" + UUID.randomUUID() + "@example.com"));
        assertThat(unknown.body()).isEqualTo(first);
    }

    private static void expectCodesLocked(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(r).getString("type")).isEqualTo("https://triad.example/problems/sign-in-codes-locked");
        assertThat(r.headers().firstValue("Retry-After")).hasValueSatisfying(
                v -> assertThat(Long.parseLong(v)).isPositive());
    }

    private static String newCode(String email) {
        int mails = mailbox.count(email);
        assertThat(BankClient.anonymous().post("/api/v1/auth/login-codes", emailBody(email)).statusCode())
                .isEqualTo(202);
        return mailbox.codeAfter(email, "sign-in code", mails);
    }

    private static HttpResponse<String> codeLogin(String email, String code) {
        return BankClient.anonymous().post("/api/v1/auth/login", Json.createObjectBuilder().add("method", "email-code")
                .add("email", email).add("code", code).add("refresh_token_in_body", true).build().toString());
    }

    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    private static String emailBody(String email) {
        return Json.createObjectBuilder().add("email", email).build().toString();
    }

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
}
