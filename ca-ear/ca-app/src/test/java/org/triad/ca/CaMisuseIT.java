package org.triad.ca;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.triad.testkit.Cli;
import org.triad.testkit.Deployments;
import org.triad.testkit.TriadHttp;

/**
 * The CA misuse an outside probe found (issue 18), reproduced against the real listeners: an
 * enrolment client superseding someone else's certificate, obtaining the platform's own names,
 * a server-generated key whose PKCS#12 cannot be built, and a CSR with hundreds of names. Each
 * refusal is a problem+json answer, changes nothing and is audited.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CaMisuseIT {

    static final String ADMIN = Cli.basic("ca-admin", "triad-dev-pass");
    static final String ENROLL = Cli.basic("ca-enroll", "triad-dev-pass");
    static final String PROVISION = Cli.basic("ca-provision", "triad-dev-pass");

    @TempDir
    static Path dir;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear("ca");
    }

    /** A name of this run only: the database may hold certificates of earlier runs. */
    static String tag() {
        return "misuse-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static HttpResponse<String> postJson(String path, String json, String... headers) {
        return TriadHttp.post(TriadHttp.uri("ca", "/api" + path), "application/json", json, headers);
    }

    static String csr(String name, String subject, String sans) {
        List<String> cmd = new ArrayList<>(List.of("openssl", "req", "-new", "-nodes", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-keyout", name + ".key", "-out", name + ".csr", "-subj", subject));
        if (sans != null) {
            cmd.addAll(List.of("-addext", "subjectAltName=" + sans));
        }
        Cli.run(dir, cmd).assertOk();
        try {
            return Files.readString(dir.resolve(name + ".csr"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> request(String csr, String profile, String authorization) {
        return postJson("/v1/certificates", Json.createObjectBuilder().add("csr", csr).add("profile", profile).build()
                .toString(), "Authorization", authorization);
    }

    static JsonObject issued(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return TriadHttp.json(r);
    }

    static long count(String query) {
        HttpResponse<String> r = TriadHttp.get(TriadHttp.uri("ca", "/api/v1/certificates?size=1" + query),
                "Authorization", ADMIN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TriadHttp.json(r).getJsonNumber("total").longValue();
    }

    static String status(String serial) {
        return TriadHttp.json(TriadHttp.get(TriadHttp.uri("ca", "/api/v1/certificates/" + serial))).getString("status");
    }

    static String audit(String action) {
        HttpResponse<String> r = TriadHttp.get(TriadHttp.uri("ca", "/api/v1/audit?action=" + action + "&size=20"),
                "Authorization", ADMIN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    static void assertProblem(HttpResponse<String> r, int status, String type) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonObject problem = TriadHttp.json(r);
        assertThat(problem.getString("type")).isEqualTo("https://triad.example/problems/" + type);
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("detail")).isNotBlank();
    }

    static X509Certificate parse(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    /** High 1: renewal with revokePrevious by the enrolment account revoked certificates of others. */
    @Test
    void anEnrolmentClientCannotRenewOrSupersedeACertificateItDidNotRequest() throws Exception {
        String name = tag() + ".test";
        JsonObject adminOwned = issued(request(csr("owned", "/CN=" + name, "DNS:" + name), "tls-server", ADMIN));
        String serial = adminOwned.getString("serial");
        String path = "/v1/certificates/" + serial + "/renewal";
        String sameNames = csr("owned-new", "/CN=" + name, "DNS:" + name);
        long before = count("");

        HttpResponse<String> supersede = postJson(path, Json.createObjectBuilder().add("csr", sameNames)
                .add("revokePrevious", true).build().toString(), "Authorization", ENROLL);
        assertProblem(supersede, 403, "forbidden");
        HttpResponse<String> renewOnly = postJson(path, Json.createObjectBuilder().add("csr", sameNames).build()
                .toString(), "Authorization", ENROLL);
        assertProblem(renewOnly, 403, "forbidden");

        // nothing changed: no new certificate, the old one untouched
        assertThat(count("")).isEqualTo(before);
        assertThat(count("&cn=" + name)).isEqualTo(1);
        assertThat(status(serial)).isEqualTo("ISSUED");
        String audit = audit("CERTIFICATE_RENEWED");
        assertThat(audit).contains(serial).contains("DENIED").contains("forbidden");

        // a CA administrator may renew and supersede it
        JsonObject renewed = issued(postJson(path, Json.createObjectBuilder().add("csr", sameNames)
                .add("revokePrevious", true).build().toString(), "Authorization", ADMIN));
        assertThat(status(serial)).isEqualTo("REVOKED");
        assertThat(status(renewed.getString("serial"))).isEqualTo("ISSUED");
    }

    /** Medium 4: any enrolment client could get server certificates for localhost, 127.0.0.1 and ::1. */
    @Test
    void thePlatformsOwnNamesGoOnlyToTheProvisioningAccountAndAdministrators() throws Exception {
        long before = count("");
        assertProblem(request(csr("lh", "/CN=localhost", "DNS:localhost"), "tls-server", ENROLL), 403, "reserved-name");
        String other = tag() + ".test";
        assertProblem(request(csr("ip4", "/CN=" + other, "DNS:" + other + ",IP:127.0.0.1"), "tls-server", ENROLL),
                403, "reserved-name");
        assertProblem(request(csr("ip6", "/CN=" + other, "DNS:" + other + ",IP:0:0:0:0:0:0:0:1"), "tls-server", ENROLL),
                403, "reserved-name");
        assertProblem(request(csr("cn-ip", "/CN=127.0.0.1", null), "tls-server", ENROLL), 403, "reserved-name");
        // the brief's call, with a key the CA generates
        assertProblem(postJson("/issue_certificate", "{\"common_name\":\"localhost\",\"profile\":\"tls-server\","
                + "\"password\":\"correct horse battery\"}", "Authorization", ENROLL), 403, "reserved-name");
        assertThat(count("")).isEqualTo(before);
        String audit = audit("CERTIFICATE_REJECTED");
        assertThat(audit).contains("reserved-name").contains("DENIED");

        // names that merely resemble them are still the enrolment client's
        String below = tag() + ".localhost";
        issued(request(csr("below", "/CN=" + below, "DNS:" + below + ",IP:10.20.30.40"), "tls-server", ENROLL));

        // the provisioning account (what ./triad uses for the listeners) and administrators get them
        JsonObject provisioned = issued(request(csr("prov", "/CN=localhost", "DNS:localhost,IP:127.0.0.1"),
                "tls-server", PROVISION));
        assertThat(parse(provisioned.getString("certificate")).getSubjectAlternativeNames())
                .extracting(l -> l.get(1).toString()).containsExactlyInAnyOrder("localhost", "127.0.0.1");
        issued(request(csr("adm", "/CN=localhost", "DNS:localhost,IP:::1"), "tls-server", ADMIN));
    }

    /** Medium 7: a non-ASCII password answered 500 but left the certificate ISSUED. */
    @Test
    void aPasswordThePkcs12CannotUseIssuesNothing() throws Exception {
        String name = tag() + ".test";
        long issuedBefore = count("&status=ISSUED");

        HttpResponse<String> r = postJson("/issue_certificate", Json.createObjectBuilder().add("common_name", name)
                .add("password", "correct hörse battery").build().toString(), "Authorization", ENROLL);
        assertProblem(r, 400, "invalid-request");
        assertThat(TriadHttp.json(r).getString("detail")).contains("ASCII");
        HttpResponse<String> control = postJson("/issue_certificate", Json.createObjectBuilder()
                .add("common_name", name).add("password", "correct horse\tbattery").build().toString(),
                "Authorization", ENROLL);
        assertProblem(control, 400, "invalid-request");

        assertThat(count("&status=ISSUED")).isEqualTo(issuedBefore);
        assertThat(count("&cn=" + name)).isZero();
        assertThat(audit("CERTIFICATE_REJECTED")).contains("ASCII");

        // a printable ASCII password still works, and the PKCS#12 opens with it
        HttpResponse<String> ok = postJson("/issue_certificate", Json.createObjectBuilder().add("common_name", name)
                .add("password", "correct horse battery!").build().toString(), "Authorization", ENROLL);
        JsonObject body = issued(ok);
        Files.write(dir.resolve("ok.p12"), java.util.Base64.getDecoder().decode(body.getString("pkcs12")));
        assertThat(Cli.run(dir, "keytool", "-list", "-keystore", "ok.p12", "-storetype", "PKCS12", "-storepass",
                "correct horse battery!").assertOk().output()).contains("PrivateKeyEntry");
        assertThat(count("&status=ISSUED")).isEqualTo(issuedBefore + 1);
    }

    /** Low: a CSR with 200 or 400 alternative names answered 500 and was not audited. */
    @Test
    void tooManyOrTooLongAlternativeNamesAreRefusedAndAudited() throws Exception {
        String name = tag() + ".test";
        long before = count("");
        for (int n : new int[] {200, 400}) {
            // short names, so that even 400 of them stay well inside the 16 KiB CSR limit
            String sans = IntStream.range(0, n).mapToObj(i -> "DNS:n" + i + ".test").collect(Collectors.joining(","));
            HttpResponse<String> r = request(csr("many-" + n, "/CN=" + name, sans), "tls-server", ENROLL);
            assertProblem(r, 400, "policy-violation");
            assertThat(TriadHttp.json(r).getString("detail")).contains(String.valueOf(n)).contains("100");
        }
        // within the count, but more than the names' column holds together
        String longSans = IntStream.range(0, 90).mapToObj(i -> "DNS:a-rather-long-host-name-" + i + "." + name)
                .collect(Collectors.joining(","));
        assertProblem(request(csr("long", "/CN=" + name, longSans), "tls-server", ENROLL), 400, "policy-violation");

        assertThat(count("")).isEqualTo(before);
        assertThat(audit("CERTIFICATE_REJECTED")).contains("subject alternative names").contains("policy-violation");

        // a request within the limits is issued as before
        String someSans = IntStream.range(0, 20).mapToObj(i -> "DNS:s" + i + "." + name).collect(Collectors.joining(","));
        issued(request(csr("some", "/CN=" + name, "DNS:" + name + "," + someSans), "tls-server", ENROLL));
    }
}
