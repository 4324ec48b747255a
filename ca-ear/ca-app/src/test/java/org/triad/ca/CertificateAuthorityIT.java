package org.triad.ca;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.triad.testkit.Cli;
import org.triad.testkit.Deployments;
import org.triad.testkit.TriadHttp;

/**
 * The CA against real clients: openssl creates requests and checks certificates, CRLs and OCSP
 * answers; keytool imports the issued chain. Everything goes over the CA's real listeners.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CertificateAuthorityIT {

    static final String ADMIN = Cli.basic("ca-admin", "triad-dev-pass");
    static final String ENROLL = Cli.basic("ca-enroll", "triad-dev-pass");

    @TempDir
    static Path dir;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear("ca");
    }

    @BeforeAll
    static void downloadChain() throws Exception {
        Files.writeString(dir.resolve("root.pem"), http("/ca.pem"));
        Files.writeString(dir.resolve("chain.pem"), http("/chain.pem"));
    }

    static String http(String path) {
        HttpResponse<String> r = TriadHttp.get(TriadHttp.uri("ca-http", path));
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    static HttpResponse<String> postJson(String path, String json, String... headers) {
        return TriadHttp.post(TriadHttp.uri("ca", "/api" + path), "application/json", json, headers);
    }

    static String csr(String name, String... reqArgs) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl", "req", "-new", "-nodes",
                "-keyout", name + ".key", "-out", name + ".csr"));
        cmd.addAll(List.of(reqArgs));
        Cli.run(dir, cmd).assertOk();
        return Files.readString(dir.resolve(name + ".csr"));
    }

    static JsonObject issue(String csr, String profile) {
        String body = Json.createObjectBuilder().add("csr", csr).add("profile", profile).build().toString();
        HttpResponse<String> r = postJson("/v1/certificates", body, "Authorization", ENROLL);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Location")).isPresent();
        return TriadHttp.json(r);
    }

    static X509Certificate parse(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    static long certificateCount() {
        HttpResponse<String> r = TriadHttp.get(TriadHttp.uri("ca", "/api/v1/certificates?size=1"), "Authorization", ADMIN);
        return TriadHttp.json(r).getJsonNumber("total").longValue();
    }

    static void assertProblem(HttpResponse<String> r, int status, String type) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(TriadHttp.json(r).getString("type")).isEqualTo("https://triad.example/problems/" + type);
    }

    static JsonObject revoke(String serial, String reason) {
        HttpResponse<String> r = postJson("/v1/certificates/" + serial + "/revoke",
                "{\"reason\":\"" + reason + "\"}", "Authorization", ADMIN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TriadHttp.json(r);
    }

    @Test
    void issuesAStandardTlsServerCertificateFromAnOpensslCsr() throws Exception {
        String csr = csr("server", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-subj", "/CN=svc.test",
                "-addext", "subjectAltName=DNS:svc.test,DNS:www.svc.test,IP:10.1.2.3,email:x@svc.test");
        JsonObject issued = issue(csr, "tls-server");

        X509Certificate cert = parse(issued.getString("certificate"));
        assertThat(cert.getSerialNumber().signum()).isPositive();
        assertThat(cert.getSerialNumber().bitLength()).isGreaterThanOrEqualTo(64);
        assertThat(cert.getSerialNumber().toString(16)).isEqualTo(issued.getString("serial"));
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=svc.test");
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(cert.getKeyUsage()[0]).isTrue();
        // the e-mail name is not part of the tls-server profile and was dropped
        assertThat(cert.getSubjectAlternativeNames()).extracting(l -> l.get(1).toString())
                .containsExactlyInAnyOrder("svc.test", "www.svc.test", "10.1.2.3");
        assertThat(cert.getExtensionValue("2.5.29.31")).as("CRL distribution point").isNotNull();
        assertThat(cert.getExtensionValue("1.3.6.1.5.5.7.1.1")).as("authority information access").isNotNull();
        assertThat(cert.getExtensionValue("2.5.29.35")).as("authority key id").isNotNull();
        assertThat(cert.getExtensionValue("2.5.29.14")).as("subject key id").isNotNull();

        // the returned chain leads to the root served at /ca.pem
        X509Certificate root = parse(Files.readString(dir.resolve("root.pem")));
        List<X509Certificate> chain = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(issued.getString("chain").getBytes(StandardCharsets.US_ASCII)))
                .stream().map(X509Certificate.class::cast).toList();
        assertThat(chain).hasSize(2);
        assertThat(chain.get(1)).isEqualTo(root);
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(cert, chain.get(0))), params);

        // look-up by serial
        HttpResponse<String> one = TriadHttp.get(TriadHttp.uri("ca", "/api/v1/certificates/" + issued.getString("serial")));
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(TriadHttp.json(one).getString("status")).isEqualTo("ISSUED");
        assertThat(TriadHttp.json(one).getString("certificate")).isEqualTo(issued.getString("certificate"));
    }

    @Test
    void opensslVerifyWithTheServedCrlPassesUntilRevokedAndOcspFollows() throws Exception {
        String csr = csr("crl", "-newkey", "rsa:2048", "-subj", "/CN=crl.test");
        JsonObject issued = issue(csr, "tls-server");
        Files.writeString(dir.resolve("crl.pem"), issued.getString("certificate"));
        Files.writeString(dir.resolve("issuing.pem"), issued.getString("chain").substring(0,
                issued.getString("chain").indexOf("-----END CERTIFICATE-----") + 25) + "\n");

        Files.writeString(dir.resolve("before.crl.pem"), http("/crl.pem"));
        Cli.run(dir, "openssl", "verify", "-CAfile", "chain.pem", "-crl_check", "-CRLfile", "before.crl.pem", "crl.pem")
                .assertOk();
        assertThat(ocsp("crl.pem")).contains("crl.pem: good").contains("Response verify OK");

        JsonObject revoked = revoke(issued.getString("serial"), "keyCompromise");
        assertThat(revoked.getString("status")).isEqualTo("REVOKED");
        assertThat(revoked.getString("revocationReason")).isEqualTo("keyCompromise");

        // the DER CRL as served, converted by openssl itself
        byte[] der = TriadHttp.client().send(java.net.http.HttpRequest.newBuilder(TriadHttp.uri("ca-http", "/crl")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        Files.write(dir.resolve("after.crl"), der);
        Cli.run(dir, "openssl", "crl", "-inform", "DER", "-in", "after.crl", "-out", "after.crl.pem").assertOk();
        Cli.Result verify = Cli.run(dir, "openssl", "verify", "-CAfile", "chain.pem", "-crl_check", "-CRLfile",
                "after.crl.pem", "crl.pem");
        assertThat(verify.exitCode()).isNotZero();
        assertThat(verify.output()).contains("certificate revoked");
        assertThat(ocsp("crl.pem")).contains("crl.pem: revoked").contains("Reason: keyCompromise");
    }

    private static String ocsp(String cert) {
        return Cli.run(dir, "openssl", "ocsp", "-issuer", "issuing.pem", "-cert", cert, "-CAfile", "chain.pem",
                "-url", TriadHttp.baseUrl("ca-http") + "/ocsp", "-resp_text").assertOk().output();
    }

    @Test
    void keytoolImportsTheIssuedChainIntoAJavaKeyStore() throws Exception {
        String ks = "client.p12";
        Cli.run(dir, "keytool", "-genkeypair", "-alias", "me", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=keytool-client", "-keystore", ks, "-storetype", "PKCS12", "-storepass", "changeit").assertOk();
        Cli.run(dir, "keytool", "-certreq", "-alias", "me", "-file", "me.csr", "-keystore", ks, "-storepass", "changeit")
                .assertOk();
        JsonObject issued = issue(Files.readString(dir.resolve("me.csr")), "tls-client");
        Files.writeString(dir.resolve("reply.pem"), issued.getString("certificate") + issued.getString("chain"));

        Cli.run(dir, "keytool", "-importcert", "-noprompt", "-trustcacerts", "-alias", "triad-root", "-file", "root.pem",
                "-keystore", ks, "-storepass", "changeit").assertOk();
        Cli.run(dir, "keytool", "-importcert", "-noprompt", "-alias", "me", "-file", "reply.pem", "-keystore", ks,
                "-storepass", "changeit").assertOk();
        String list = Cli.run(dir, "keytool", "-list", "-v", "-alias", "me", "-keystore", ks, "-storepass", "changeit")
                .assertOk().output();
        assertThat(list).contains("Certificate chain length: 3").contains("CN=keytool-client")
                .contains("CN=Triad Root CA");
    }

    @Test
    void badRequestsAreProblemsAndStoreNothing() throws Exception {
        long before = certificateCount();
        String good = csr("bad-base", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-subj", "/CN=bad.test");

        assertProblem(postJson("/v1/certificates", "{\"csr\":\"\",\"profile\":\"tls-server\"}", "Authorization", ENROLL),
                400, "invalid-csr");
        assertProblem(postJson("/v1/certificates", "{\"csr\":\"-----BEGIN CERTIFICATE REQUEST-----\\nnot base64!\\n"
                + "-----END CERTIFICATE REQUEST-----\",\"profile\":\"tls-server\"}", "Authorization", ENROLL), 400, "invalid-csr");
        assertProblem(postJson("/v1/certificates", Json.createObjectBuilder().add("csr", "A".repeat(40_000))
                .add("profile", "tls-server").build().toString(), "Authorization", ENROLL), 400, "invalid-csr");
        assertProblem(postJson("/v1/certificates", "{\"csr\": [1,2", "Authorization", ENROLL), 400, "malformed-body");

        // a CSR whose signature was altered after signing
        byte[] der = Base64.getMimeDecoder().decode(good.replaceAll("-----[A-Z ]+-----", ""));
        der[der.length - 3] ^= 0x5a;
        String tampered = "-----BEGIN CERTIFICATE REQUEST-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END CERTIFICATE REQUEST-----\n";
        HttpResponse<String> badSig = postJson("/v1/certificates", Json.createObjectBuilder().add("csr", tampered)
                .add("profile", "tls-server").build().toString(), "Authorization", ENROLL);
        assertProblem(badSig, 400, "invalid-csr");

        String weak = csr("weak", "-newkey", "rsa:1024", "-subj", "/CN=weak.test");
        HttpResponse<String> weakResponse = postJson("/v1/certificates", Json.createObjectBuilder().add("csr", weak)
                .add("profile", "tls-server").build().toString(), "Authorization", ENROLL);
        assertProblem(weakResponse, 400, "weak-key");
        assertThat(TriadHttp.json(weakResponse).getString("detail")).contains("2048");

        assertProblem(postJson("/v1/certificates", Json.createObjectBuilder().add("csr", good).add("profile", "tls-anything")
                .build().toString(), "Authorization", ENROLL), 400, "unknown-profile");
        String outside = csr("outside", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-subj", "/CN=bank.com");
        assertProblem(postJson("/v1/certificates", Json.createObjectBuilder().add("csr", outside).add("profile", "tls-server")
                .build().toString(), "Authorization", ENROLL), 400, "policy-violation");
        assertProblem(postJson("/v1/certificates", Json.createObjectBuilder().add("csr", good).add("profile", "tls-server")
                .add("validityDays", 5000).build().toString(), "Authorization", ENROLL), 400, "policy-violation");
        // issuing needs an enrolment account
        assertProblem(postJson("/v1/certificates", Json.createObjectBuilder().add("csr", good).add("profile", "tls-server")
                .build().toString()), 401, "unauthorized");
        assertProblem(postJson("/v1/certificates", Json.createObjectBuilder().add("csr", good).add("profile", "tls-server")
                .build().toString(), "Authorization", Cli.basic("ca-enroll", "wrong-password")), 401, "unauthorized");

        assertThat(certificateCount()).isEqualTo(before);

        // the refusals are on record
        HttpResponse<String> audit = TriadHttp.get(TriadHttp.uri("ca", "/api/v1/audit?action=CERTIFICATE_REJECTED&size=20"),
                "Authorization", ADMIN);
        assertThat(audit.body()).contains("weak-key").contains("invalid-csr").contains("unknown-profile");
    }

    @Test
    void credentialsOverPlainHttpAreNotLookedAt() {
        // a wrong password in clear on 8080 is refused by the listener policy, never answered 401 (which would mean
        // it was checked, and counted toward the account's lockout); a right one gets no further either
        for (String authorization : List.of(Cli.basic("ca-admin", "wrong-over-http"), ADMIN)) {
            HttpResponse<String> r = TriadHttp.post(TriadHttp.uri("ca-http", "/api/v1/certificates"),
                    "application/json", "{}", "Authorization", authorization);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        }
        HttpResponse<String> get = TriadHttp.get(TriadHttp.uri("ca-http", "/api/v1/certificates"),
                "Authorization", ADMIN);
        assertThat(get.statusCode()).as(get.body()).isEqualTo(301);
    }

    @Test
    void onlyAdministratorsRevokeAndUnknownSerialsAreNotFound() throws Exception {
        JsonObject issued = issue(csr("rev", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-subj",
                "/CN=rev.test"), "tls-server");
        String path = "/v1/certificates/" + issued.getString("serial") + "/revoke";

        assertProblem(postJson(path, "{\"reason\":\"keyCompromise\"}"), 401, "unauthorized");
        assertProblem(postJson(path, "{\"reason\":\"keyCompromise\"}", "Authorization", ENROLL), 403, "forbidden");
        assertProblem(postJson(path, "{\"reason\":\"because\"}", "Authorization", ADMIN), 400, "invalid-request");
        assertProblem(postJson("/v1/certificates/abcdef0123456789/revoke", "{\"reason\":\"superseded\"}",
                "Authorization", ADMIN), 404, "certificate-not-found");
        HttpResponse<String> still = TriadHttp.get(TriadHttp.uri("ca", "/api/v1/certificates/" + issued.getString("serial")));
        assertThat(TriadHttp.json(still).getString("status")).isEqualTo("ISSUED");

        revoke(issued.getString("serial"), "superseded");
        assertProblem(postJson(path, "{\"reason\":\"keyCompromise\"}", "Authorization", ADMIN), 409, "already-revoked");

        HttpResponse<String> denied = TriadHttp.get(TriadHttp.uri("ca", "/api/v1/audit?action=CERTIFICATE_REVOKED&size=50"),
                "Authorization", ADMIN);
        assertThat(denied.body()).contains("DENIED").contains(issued.getString("serial"));
    }

    @Test
    void verifyReportsChainValidityAndRevocation() throws Exception {
        JsonObject issued = issue(csr("ver", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-subj",
                "/CN=ver.test"), "tls-server");
        String body = Json.createObjectBuilder().add("certificate", issued.getString("certificate")).build().toString();
        JsonObject ok = TriadHttp.json(postJson("/v1/verify", body));
        assertThat(ok.getBoolean("valid")).isTrue();
        assertThat(ok.getJsonArray("reasons")).isEmpty();

        revoke(issued.getString("serial"), "keyCompromise");
        JsonObject bad = TriadHttp.json(postJson("/v1/verify", body));
        assertThat(bad.getBoolean("valid")).isFalse();
        assertThat(bad.getBoolean("revoked")).isTrue();
        assertThat(bad.getJsonArray("reasons").getString(0)).isEqualTo("revoked");

        // a self-signed certificate from elsewhere
        Cli.run(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "other.key", "-out", "other.pem", "-subj", "/CN=other", "-days", "2").assertOk();
        JsonObject foreign = TriadHttp.json(postJson("/v1/verify", Json.createObjectBuilder()
                .add("certificate", Files.readString(dir.resolve("other.pem"))).build().toString()));
        assertThat(foreign.getBoolean("valid")).isFalse();
        assertThat(foreign.getJsonArray("reasons").getString(0)).isEqualTo("not-issued-by-this-ca");

        assertProblem(postJson("/v1/verify", "{\"certificate\":\"hello\"}"), 400, "invalid-request");

        // the brief's call by common name
        JsonObject byName = TriadHttp.json(postJson("/verify_certificate", "{\"common_name\":\"ver.test\"}"));
        assertThat(byName.getBoolean("revoked")).isTrue();
        assertProblem(postJson("/verify_certificate", "{\"common_name\":\"nobody.test\"}"), 404, "certificate-not-found");
    }

    @Test
    void theBriefsIssueByNameReturnsOnlyAnEncryptedKey() throws Exception {
        assertProblem(postJson("/issue_certificate", "{\"common_name\":\"legacy.test\"}", "Authorization", ENROLL),
                400, "invalid-request");
        HttpResponse<String> r = postJson("/issue_certificate",
                "{\"common_name\":\"legacy.test\",\"password\":\"correct horse battery\"}", "Authorization", ENROLL);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonObject body = TriadHttp.json(r);
        assertThat(r.body()).doesNotContain("PRIVATE KEY");
        Files.write(dir.resolve("legacy.p12"), Base64.getDecoder().decode(body.getString("pkcs12")));
        assertThat(Cli.run(dir, "openssl", "pkcs12", "-in", "legacy.p12", "-passin", "pass:wrong password!", "-noout")
                .exitCode()).isNotZero();
        String listed = Cli.run(dir, "keytool", "-list", "-v", "-keystore", "legacy.p12", "-storetype", "PKCS12",
                "-storepass", "correct horse battery").assertOk().output();
        assertThat(listed).contains("PrivateKeyEntry").contains("CN=legacy.test").contains("Certificate chain length: 3");
        JsonObject view = TriadHttp.json(TriadHttp.get(TriadHttp.uri("ca", "/api/v1/certificates/" + body.getString("serial"))));
        assertThat(view.getBoolean("serverGeneratedKey")).isTrue();
    }

    @Test
    void searchFiltersByNameAndStatus() throws Exception {
        // a name of this run only: the database may hold certificates of earlier runs
        String tag = "search-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        JsonObject a = issue(csr("s1", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-subj",
                "/CN=" + tag + "-one.test"), "tls-server");
        issue(csr("s2", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-subj", "/CN=" + tag + "-two.test"), "tls-server");
        revoke(a.getString("serial"), "superseded");
        JsonObject revoked = TriadHttp.json(TriadHttp.get(TriadHttp.uri("ca", "/api/v1/certificates?cn=" + tag + "-&status=REVOKED")));
        assertThat(revoked.getJsonNumber("total").longValue()).isEqualTo(1);
        assertThat(revoked.getJsonArray("items").getJsonObject(0).getString("serial")).isEqualTo(a.getString("serial"));
        JsonObject both = TriadHttp.json(TriadHttp.get(TriadHttp.uri("ca", "/api/v1/certificates?cn=" + tag.toUpperCase() + "-&size=1&page=1")));
        assertThat(both.getJsonNumber("total").longValue()).isEqualTo(2);
        assertThat(both.getJsonArray("items")).hasSize(1);
        JsonObject expiring = TriadHttp.json(TriadHttp.get(TriadHttp.uri("ca",
                "/api/v1/certificates?cn=" + tag + "-two&expiringWithinDays=365")));
        assertThat(expiring.getJsonNumber("total").longValue()).isEqualTo(1);
        JsonObject notYet = TriadHttp.json(TriadHttp.get(TriadHttp.uri("ca",
                "/api/v1/certificates?cn=" + tag + "-two&expiringWithinDays=30")));
        assertThat(notYet.getJsonNumber("total").longValue()).isZero();
        assertProblem(TriadHttp.get(TriadHttp.uri("ca", "/api/v1/certificates?status=ALIVE")), 400, "bad-request");
    }

    @Test
    void aRenewalNeedsTheSameNamesAndCanSupersedeThePreviousCertificate() throws Exception {
        String[] ec = {"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"};
        JsonObject first = issue(csr("renew-1", ec[0], ec[1], ec[2], ec[3], "-subj", "/CN=renew.test",
                "-addext", "subjectAltName=DNS:renew.test"), "tls-server");
        String path = "/v1/certificates/" + first.getString("serial") + "/renewal";

        String other = csr("renew-other", ec[0], ec[1], ec[2], ec[3], "-subj", "/CN=other-name.test");
        assertProblem(postJson(path, Json.createObjectBuilder().add("csr", other).build().toString(), "Authorization",
                ENROLL), 400, "policy-violation");
        assertProblem(postJson("/v1/certificates/abcdef0123456789/renewal", "{\"csr\":\"x\"}", "Authorization", ENROLL),
                404, "certificate-not-found");
        assertProblem(postJson(path, "{\"csr\":\"x\"}"), 401, "unauthorized");

        String again = csr("renew-2", ec[0], ec[1], ec[2], ec[3], "-subj", "/CN=renew.test",
                "-addext", "subjectAltName=DNS:renew.test");
        HttpResponse<String> renewed = postJson(path, Json.createObjectBuilder().add("csr", again)
                .add("revokePrevious", true).build().toString(), "Authorization", ENROLL);
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(201);
        JsonObject next = TriadHttp.json(renewed);
        assertThat(next.getString("serial")).isNotEqualTo(first.getString("serial"));
        assertThat(parse(next.getString("certificate")).getSubjectX500Principal().getName()).isEqualTo("CN=renew.test");

        JsonObject previous = TriadHttp.json(TriadHttp.get(TriadHttp.uri("ca", "/api/v1/certificates/" + first.getString("serial"))));
        assertThat(previous.getString("status")).isEqualTo("REVOKED");
        assertThat(previous.getString("revocationReason")).isEqualTo("superseded");
        // a revoked certificate cannot be renewed again
        assertProblem(postJson(path, Json.createObjectBuilder().add("csr", again).build().toString(), "Authorization",
                ENROLL), 409, "already-revoked");
    }
}
