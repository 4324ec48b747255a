package org.triad.bench.ca;

import org.triad.bench.common.Json;
import org.triad.bench.common.Machine;
import org.triad.bench.common.Report;
import org.triad.bench.common.LoadRunner;
import org.triad.bench.common.Stats;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReferenceArray;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * CA benchmark (issue 3): certificate issuance through the REST API and OCSP responses, with 1 and
 * 8 concurrent clients, each compared with a raw BouncyCastle loop doing the same signing work in
 * this JVM during the same run. See bench/README.md.
 */
public final class CaBench {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm", Locale.ROOT);

    private final BenchConfig config;
    private final Report report = new Report();

    private CaBench(BenchConfig config) {
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        BenchConfig config;
        try {
            config = BenchConfig.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new CaBench(config).run());
    }

    private int run() throws Exception {
        long started = System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now();
        log("CA benchmark: " + config);
        setup(now);

        // --- preparation, not timed -----------------------------------------------------------
        int levels = config.clients().size();
        int csrCount = config.baselinesOnly() ? 0 : levels * (config.issueWarmup() + config.issueRequests());
        int keyCount = Math.max(csrCount, 512);
        long prep = System.nanoTime();
        String runId = Long.toString(System.currentTimeMillis() / 1000, 36);
        List<KeyPair> keys = new ArrayList<>(keyCount);
        List<String> names = new ArrayList<>(keyCount);
        List<String> csrs = new ArrayList<>(keyCount);
        List<String> bodies = new ArrayList<>(keyCount);
        for (int i = 0; i < keyCount; i++) {
            KeyPair pair = Pki.ecP256();
            String name = "bench-" + runId + "-" + i + ".test";
            String csr = Pki.csrPem(pair, name);
            keys.add(pair);
            names.add(name);
            csrs.add(csr);
            bodies.add("{\"csr\": " + Json.quote(csr) + ", \"profile\": \"tls-server\", \"validityDays\": 1}");
        }
        List<SubjectPublicKeyInfo> publicKeys = keys.stream()
                .map(k -> SubjectPublicKeyInfo.getInstance(k.getPublic().getEncoded())).toList();
        log(String.format(Locale.ROOT, "prepared %d EC P-256 key pairs and CSRs in %.1f s", keyCount,
                (System.nanoTime() - prep) / 1e9));

        List<Report.Row> issuanceRows = new ArrayList<>();
        List<Report.Row> ocspRows = new ArrayList<>();
        if (!config.baselinesOnly()) {
            SSLContext tls = CaClient.tls(config.trustPem());
            X509Certificate issuingCa = Pki.certificate(newClient(tls).get(URI.create(config.pkiUrl() + "/issuing-ca.crt")));
            report.setup("CA issuing certificate", issuingCa.getSubjectX500Principal().getName()
                    + ", " + issuingCa.getPublicKey().getAlgorithm());
            List<BigInteger> serials = issuance(tls, issuingCa, bodies, names, issuanceRows);
            if (serials.isEmpty()) {
                report.note("No certificate was issued; OCSP was not measured.");
            } else {
                ocsp(tls, issuingCa, serials, ocspRows);
            }
        }

        // --- baselines: same JVM, same run, after the service phases (server idle) -------------
        if (!config.baselinesOnly() && !config.settle().isZero()) {
            log("pause of " + config.settle().toMillis() / 1000.0 + " s so that the server's work after the load settles");
            Thread.sleep(config.settle().toMillis());
        }
        Baselines baselines = new Baselines();
        List<Report.Row> certBaselines = new ArrayList<>();
        List<Report.Row> csrBaselines = new ArrayList<>();
        List<Report.Row> ocspBaselines = new ArrayList<>();
        byte[] baselineOcspRequest = Pki.ocspRequest(baselines.issuing(), BigInteger.valueOf(0x1234567890ABCDEFL),
                Pki.nonce()).getEncoded();
        for (int clients : config.clients()) {
            certBaselines.add(baseline("raw BC: build + sign certificate", clients,
                    i -> baselines.signCertificate(publicKeys.get(i % keyCount), names.get(i % keyCount)) != null));
            csrBaselines.add(baseline("raw BC: verify CSR + build + sign", clients,
                    i -> baselines.verifyCsrAndSign(csrs.get(i % keyCount), names.get(i % keyCount)) != null));
            ocspBaselines.add(baseline("raw BC: build + sign OCSP response", clients,
                    i -> baselines.respondOcsp(baselineOcspRequest) != null));
        }

        // --- report ------------------------------------------------------------------------------
        for (int l = 0; l < levels; l++) {
            if (l < issuanceRows.size()) {
                Report.Row r = issuanceRows.get(l);
                report.add(r.operation(), r.kind(), r.clients(), r.stats(), certBaselines.get(l));
            }
        }
        for (int l = 0; l < levels; l++) {
            if (l < ocspRows.size()) {
                Report.Row r = ocspRows.get(l);
                report.add(r.operation(), r.kind(), r.clients(), r.stats(), ocspBaselines.get(l));
            }
        }
        certBaselines.forEach(r -> report.add(r.operation(), r.kind(), r.clients(), r.stats(), null));
        csrBaselines.forEach(r -> report.add(r.operation(), r.kind(), r.clients(), r.stats(), null));
        ocspBaselines.forEach(r -> report.add(r.operation(), r.kind(), r.clients(), r.stats(), null));
        for (int l = 0; l < issuanceRows.size(); l++) {
            report.note(String.format(Locale.ROOT,
                    "Issuance with %d client(s) / raw BC verify CSR + build + sign (all the CA's crypto per request): %s",
                    issuanceRows.get(l).clients(), Report.ratio(issuanceRows.get(l).stats().ratioTo(csrBaselines.get(l).stats()))));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        report.setup("load average at end", Machine.loadAverage());
        report.setup("run time", String.format(Locale.ROOT, "%.0f s (benchmark JVM, including key generation)", seconds));

        Files.createDirectories(config.outDir());
        String stamp = now.toLocalDateTime().format(FILE_TIME); // the start of the run, as in the title
        Path md = config.outDir().resolve("ca-" + stamp + ".md");
        for (int n = 2; Files.exists(md); n++) {
            md = config.outDir().resolve("ca-" + stamp + "-" + n + ".md");
        }
        Path json = md.resolveSibling(md.getFileName().toString().replaceFirst("\\.md$", ".json"));
        Files.writeString(md, report.markdown("CA benchmark, " + now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)),
                StandardCharsets.UTF_8);
        Files.writeString(json, report.json(), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report.table());
        report.rows().stream().filter(r -> r.stats().errors() > 0).findAny()
                .ifPresent(r -> System.out.println("WARNING: some operations failed; see the notes in the report."));
        System.out.println("Results: " + md.toAbsolutePath());
        System.out.println("Raw numbers: " + json.toAbsolutePath());
        log(String.format(Locale.ROOT, "done in %.0f s", seconds));
        boolean failed = report.rows().stream().anyMatch(r -> r.stats().ok() == 0);
        return failed ? 1 : 0;
    }

    private CaClient newClient(SSLContext tls) {
        return new CaClient(tls, config.caUrl(), config.pkiUrl(), config.user(), config.password());
    }

    private List<CaClient> clients(SSLContext tls, int n) {
        List<CaClient> result = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            result.add(newClient(tls));
        }
        return result;
    }

    /** Issuance phases; returns the serials of every certificate issued (warm-up included). */
    private List<BigInteger> issuance(SSLContext tls, X509Certificate issuingCa, List<String> bodies,
                                      List<String> names, List<Report.Row> rows) throws Exception {
        int perLevel = config.issueWarmup() + config.issueRequests();
        AtomicReferenceArray<String> responses = new AtomicReferenceArray<>(bodies.size());
        java.util.concurrent.atomic.AtomicInteger reported = new java.util.concurrent.atomic.AtomicInteger();
        int offset = 0;
        for (int clients : config.clients()) {
            List<CaClient> pool = clients(tls, clients);
            LoadRunner.Op op = i -> {
                HttpResponse<String> response = pool.get(threadIndex() % pool.size()).issue(bodies.get(i));
                if (response.statusCode() != 201) {
                    if (reported.getAndIncrement() < 5) {
                        System.err.println("[bench] issuance answered " + response.statusCode() + ": "
                                + abbreviate(response.body()));
                    }
                    return false;
                }
                responses.set(i, response.body());
                return true;
            };
            if (config.issueWarmup() > 0) {
                log("issuance warm-up, " + clients + " client(s), " + config.issueWarmup() + " requests");
                LoadRunner.fixedCount("issue-warmup", clients, offset, config.issueWarmup(), op);
            }
            log("issuance measured, " + clients + " client(s), " + config.issueRequests() + " requests");
            Stats stats = LoadRunner.fixedCount("issue", clients, offset + config.issueWarmup(),
                    config.issueRequests(), op);
            log(summary(stats));
            rows.add(new Report.Row("CA REST: issue certificate (POST /api/v1/certificates)", "service", clients,
                    stats, null));
            offset += perLevel;
        }
        // correctness, outside the timed region: each 201 carries a certificate for the requested
        // name, signed by the CA's issuing certificate, with the serial the JSON states
        List<BigInteger> serials = new ArrayList<>();
        int bad = 0;
        var verifier = new JcaContentVerifierProviderBuilder().setProvider(Pki.BC).build(issuingCa.getPublicKey());
        for (int i = 0; i < offset; i++) {
            String body = responses.get(i);
            int index = i;
            if (body == null) {
                continue;
            }
            try {
                String serial = Json.stringMember(body, "serial");
                List<X509Certificate> certs = Pki.certificates(Json.stringMember(body, "certificate"));
                X509CertificateHolder holder = new JcaX509CertificateHolder(certs.get(0));
                boolean ok = holder.isSignatureValid(verifier)
                        && holder.getSerialNumber().equals(new BigInteger(serial, 16))
                        && certs.get(0).getSubjectAlternativeNames().stream()
                                .anyMatch(n -> names.get(index).equals(n.get(1)));
                if (ok) {
                    serials.add(holder.getSerialNumber());
                } else {
                    bad++;
                }
            } catch (Exception e) {
                bad++;
            }
        }
        report.note("Issuance check: " + serials.size() + " certificates issued (warm-up included), each verified "
                + "against the CA's issuing certificate, serial and SAN checked; " + bad + " failed the check.");
        return serials;
    }

    private void ocsp(SSLContext tls, X509Certificate issuingCa, List<BigInteger> serials, List<Report.Row> rows)
            throws Exception {
        int perLevel = config.ocspWarmup() + config.ocspRequests();
        int total = perLevel * config.clients().size();
        byte[][] requests = new byte[total][];
        byte[][] nonces = new byte[total][];
        BigInteger[] asked = new BigInteger[total];
        for (int i = 0; i < total; i++) {
            nonces[i] = Pki.nonce();
            asked[i] = serials.get(i % serials.size());
            requests[i] = Pki.ocspRequest(issuingCa, asked[i], nonces[i]).getEncoded();
        }
        AtomicReferenceArray<byte[]> responses = new AtomicReferenceArray<>(total);
        java.util.concurrent.atomic.AtomicInteger reported = new java.util.concurrent.atomic.AtomicInteger();
        int offset = 0;
        for (int clients : config.clients()) {
            List<CaClient> pool = clients(tls, clients);
            LoadRunner.Op op = i -> {
                HttpResponse<byte[]> response = pool.get(threadIndex() % pool.size()).ocsp(requests[i]);
                if (response.statusCode() != 200) {
                    if (reported.getAndIncrement() < 5) {
                        System.err.println("[bench] OCSP answered HTTP " + response.statusCode());
                    }
                    return false;
                }
                responses.set(i, response.body());
                return true;
            };
            if (config.ocspWarmup() > 0) {
                log("OCSP warm-up, " + clients + " client(s), " + config.ocspWarmup() + " requests");
                LoadRunner.fixedCount("ocsp-warmup", clients, offset, config.ocspWarmup(), op);
            }
            log("OCSP measured, " + clients + " client(s), " + config.ocspRequests() + " requests");
            Stats stats = LoadRunner.fixedCount("ocsp", clients, offset + config.ocspWarmup(), config.ocspRequests(), op);
            log(summary(stats));
            rows.add(new Report.Row("CA OCSP: POST /ocsp (1 cert, nonce)", "service", clients, stats, null));
            offset += perLevel;
        }
        // correctness: successful, signed by the issuing CA, "good" for the serial asked, nonce echoed
        var verifier = new JcaContentVerifierProviderBuilder().setProvider(Pki.BC).build(issuingCa.getPublicKey());
        int good = 0;
        int bad = 0;
        for (int i = 0; i < total; i++) {
            byte[] der = responses.get(i);
            if (der == null) {
                continue;
            }
            try {
                OCSPResp response = new OCSPResp(der);
                BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
                SingleResp single = basic.getResponses()[0];
                byte[] echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets();
                byte[] expected = new org.bouncycastle.asn1.DEROctetString(nonces[i]).getEncoded();
                if (response.getStatus() == OCSPResp.SUCCESSFUL && basic.isSignatureValid(verifier)
                        && single.getCertStatus() == null && single.getCertID().getSerialNumber().equals(asked[i])
                        && (Arrays.equals(echoed, expected) || Arrays.equals(echoed, nonces[i]))) {
                    good++;
                } else {
                    bad++;
                }
            } catch (Exception e) {
                bad++;
            }
        }
        report.note("OCSP check: " + good + " responses (warm-up included) successful, signed by the issuing CA, "
                + "status good for the serial asked, nonce echoed; " + bad + " failed the check.");
    }

    private Report.Row baseline(String name, int threads, LoadRunner.Op op) {
        log(name + ", " + threads + " thread(s): " + config.baselineWarmup().toMillis() / 1000.0 + " s warm-up, "
                + config.baselineDuration().toMillis() / 1000.0 + " s measured");
        if (!config.baselineWarmup().isZero()) {
            LoadRunner.fixedDuration("baseline-warmup", threads, config.baselineWarmup(), op);
        }
        Stats stats = LoadRunner.fixedDuration("baseline", threads, config.baselineDuration(), op);
        log(summary(stats));
        return new Report.Row(name, "baseline", threads, stats, null);
    }

    private void setup(OffsetDateTime now) {
        Runtime rt = Runtime.getRuntime();
        report.setup("date", now.toString());
        report.setup("commit", config.commit());
        report.setup("machine", rt.availableProcessors() + " CPU cores visible (" + Machine.cpuModel() + "), "
                + Machine.memTotal() + " RAM; client and server on the same machine");
        report.setup("load average at start", Machine.loadAverage() + " (1, 5, 15 min; from /proc/loadavg)");
        report.setup("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        report.setup("JDK (benchmark)", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", max heap " + rt.maxMemory() / (1024 * 1024) + " MiB");
        report.setup("Payara", config.payaraVersion());
        report.setup("database", config.database());
        report.setup("BouncyCastle", Pki.BC.getName() + " " + Pki.BC.getVersionStr());
        report.setup("CA", config.caUrl() + " (issuance, TLS, HTTP/1.1 keep-alive, one connection per client); "
                + config.pkiUrl() + " (OCSP, plain HTTP)");
        report.setup("load", "closed loop: each client sends its next request when the previous answered; "
                + config);
        report.setup("request", "CSR EC P-256 SHA256withECDSA, CN=bench-<run>-<i>.test + SAN DNS, profile tls-server, "
                + "validityDays 1; OCSP: one SHA-1 CertID + 16-byte nonce per request, serials issued in this run");
    }




    /** The number at the end of the worker thread's name ("issue-3" → 3). */
    private static int threadIndex() {
        String name = Thread.currentThread().getName();
        return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
    }

    private static String summary(Stats s) {
        return String.format(Locale.ROOT, "  %d ok, %d errors, %.1f ops/s, p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms",
                s.ok(), s.errors(), s.throughput(), s.p50Ms(), s.p90Ms(), s.p99Ms(), s.maxMs());
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private static void log(String message) {
        System.err.println("[bench] " + message);
    }
}
