package org.triad.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Provisions the TLS identity of Payara instances from the Triad CA, the way any server would
 * enrol: the key pair is generated locally by {@code keytool} and never leaves the instance; a
 * PKCS#10 request goes to {@code POST /api/v1/certificates} (HTTP Basic as the provisioning account, the
 * enrolment account that the CA lets obtain the platform's own names such as {@code localhost});
 * the returned chain is installed under the listener's alias in the instance keystore, and the
 * CA root in its truststore.
 * <p>
 * For each entry it keeps the current certificate unless it is missing, not from this CA,
 * expired, in the last third of its lifetime, or revoked (checked by OCSP, with the JDK's PKIX
 * revocation checker). Prints the aliases it replaced, one per line, so the caller can reload
 * those listeners. Single-file program: {@code java ProvisionTls.java}, JDK only.
 * <pre>
 * java ProvisionTls.java &lt;config-dir&gt; &lt;trust.pem&gt; &lt;ca-url&gt; [--store=&lt;p12&gt;:&lt;password-file&gt;] alias:profile:cn[:dns,dns][:ip,ip] ...
 * </pre>
 * Entries go to the instance keystore {@code keystore.p12} (Payara's master password), or, after a
 * {@code --store=} argument, to that PKCS#12 file, whose password is read from the password file (made with 24
 * random bytes, readable by the owner only, when it does not exist yet) — the bank's notification signing key lives
 * apart from the listener keys that way.
 * Environment: {@code TRIAD_CA_ENROLL_USER}, {@code TRIAD_CA_ENROLL_PASSWORD} (the provisioning
 * account, default {@code ca-provision}; it must be listed in the CA's {@code triad.ca.policy.reserved-names.accounts}), {@code TRIAD_KEYSTORE_PASSWORD} (Payara's master password, default {@code changeit}).
 * The trust bundle is rewritten to hold the CA root afterwards, and so is {@code bank-client-trust.p12}, the only
 * trust anchors of the bank listener for client certificates (mutual TLS), when the domain has it (prints
 * {@code bank-client-trust} when it changed).
 */
public final class ProvisionTls {

    private static final Pattern JSON_STRING = Pattern.compile("\"(certificate|chain)\"\\s*:\\s*\"((?:[^\"\\\\]++|\\\\.)*+)\"");

    private final Path configDir;
    private final Path trustPem;
    private final String caUrl;
    private final char[] storePassword;
    private final HttpClient http;
    private final Path work;

    private ProvisionTls(Path configDir, Path trustPem, String caUrl) throws Exception {
        this.configDir = configDir;
        this.trustPem = trustPem;
        this.caUrl = caUrl.endsWith("/") ? caUrl.substring(0, caUrl.length() - 1) : caUrl;
        this.storePassword = env("TRIAD_KEYSTORE_PASSWORD", "changeit").toCharArray();
        this.http = HttpClient.newBuilder().sslContext(trusting(readCertificates(Files.readString(trustPem))))
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.work = Files.createTempDirectory("triad-provision");
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: ProvisionTls <config-dir> <trust.pem> <ca-url> [--store=<p12>:<password-file>] alias:profile:cn[:dns,...][:ip,...] ...");
            System.exit(2);
        }
        ProvisionTls tool = new ProvisionTls(Path.of(args[0]), Path.of(args[1]), args[2]);
        try {
            tool.run(List.of(args).subList(3, args.length));
        } finally {
            tool.cleanUp();
        }
    }

    private void run(List<String> entries) throws Exception {
        X509Certificate root = readCertificates(get("/ca.pem")).get(0);
        Path keystore = configDir.resolve("keystore.p12");
        char[] password = storePassword;
        for (String entry : entries) {
            if (entry.startsWith("--store=")) {
                String[] store = entry.substring("--store=".length()).split(":", 2);
                keystore = Path.of(store[0]);
                password = passwordFrom(Path.of(store[1]));
                continue;
            }
            String[] parts = entry.split(":", -1);
            String alias = parts[0];
            String profile = parts[1];
            String cn = parts[2];
            List<String> dns = parts.length > 3 && !parts[3].isEmpty() ? List.of(parts[3].split(",")) : List.of();
            List<String> ips = parts.length > 4 && !parts[4].isEmpty() ? List.of(parts[4].split(",")) : List.of();
            String reason = whyRenew(keystore, password, alias, root);
            if (reason == null) {
                log(alias + ": current certificate is good");
                continue;
            }
            log(alias + ": obtaining a new " + profile + " certificate (" + reason + ")");
            enrol(keystore, password, alias, profile, cn, dns, ips);
            if (password != storePassword) {
                ownerOnly(keystore);
            }
            System.out.println(alias);
        }
        installRoot(root);
        if (installClientTrust(root)) {
            System.out.println(CLIENT_TRUST);
        }
        Files.writeString(trustPem, pem(root));
    }

    /** What {@link #run} prints when the bank's client-certificate trust store changed (its listener must reload). */
    static final String CLIENT_TRUST = "bank-client-trust";

    /**
     * The trust store of the bank listener's client certificates (mutual TLS), if the domain has one: made to hold
     * the Triad root alone (replacing the placeholder the launcher created, or an old root). True if it changed.
     */
    private boolean installClientTrust(X509Certificate root) throws Exception {
        Path store = configDir.resolve(CLIENT_TRUST + ".p12");
        if (!Files.exists(store)) {
            return false;
        }
        KeyStore ks = load(store);
        if (ks.size() == 1 && root.equals(ks.getCertificate("triad-root"))) {
            return false;
        }
        KeyStore fresh = KeyStore.getInstance("PKCS12");
        fresh.load(null, null);
        fresh.setCertificateEntry("triad-root", root);
        Path tmp = store.resolveSibling(store.getFileName() + ".tmp");
        try (var out = Files.newOutputStream(tmp)) {
            fresh.store(out, storePassword);
        }
        Files.move(tmp, store, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        log("client certificates (bank listener): trusting only the Triad root " + root.getSubjectX500Principal().getName());
        return true;
    }

    /** Null if the entry's certificate may stay, otherwise why it must be replaced. */
    private String whyRenew(Path keystore, char[] password, String alias, X509Certificate root) throws Exception {
        if (!Files.exists(keystore)) {
            return "none installed";
        }
        KeyStore ks = load(keystore, password);
        Certificate[] chain = ks.getCertificateChain(alias);
        if (chain == null || chain.length == 0) {
            return "none installed";
        }
        X509Certificate leaf = (X509Certificate) chain[0];
        Instant now = Instant.now();
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            return "expired";
        }
        long lifetime = leaf.getNotAfter().getTime() - leaf.getNotBefore().getTime();
        if (leaf.getNotAfter().getTime() - now.toEpochMilli() < lifetime / 3) {
            return "in the last third of its lifetime";
        }
        List<X509Certificate> path = new ArrayList<>();
        for (Certificate c : chain) {
            if (!((X509Certificate) c).equals(root)) {
                path.add((X509Certificate) c);
            }
        }
        try {
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            PKIXRevocationChecker ocsp = (PKIXRevocationChecker) validator.getRevocationChecker();
            ocsp.setOptions(EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY,
                    PKIXRevocationChecker.Option.NO_FALLBACK));
            params.addCertPathChecker(ocsp);
            params.setRevocationEnabled(true);
            validator.validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
            return null;
        } catch (CertPathValidatorException e) {
            if (e.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
                return "revoked (OCSP)";
            }
            if (e.getReason() == CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS) {
                return "revocation status unknown (" + e.getMessage() + ")";
            }
            return "not issued by the current CA (" + e.getMessage() + ")";
        }
    }

    private void enrol(Path keystore, char[] password, String alias, String profile, String cn, List<String> dns,
                       List<String> ips) throws Exception {
        Path staging = work.resolve(alias + ".p12");
        Files.deleteIfExists(staging);
        String pass = new String(password);
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg",
                "SHA256withECDSA", "-dname", "CN=" + cn, "-validity", "2", "-keystore", staging.toString(),
                "-storetype", "PKCS12", "-storepass", pass);
        List<String> req = new ArrayList<>(List.of("-certreq", "-alias", alias, "-keystore", staging.toString(),
                "-storepass", pass, "-file", work.resolve(alias + ".csr").toString()));
        List<String> san = new ArrayList<>();
        dns.forEach(d -> san.add("dns:" + d));
        ips.forEach(i -> san.add("ip:" + i));
        if (!san.isEmpty()) {
            req.add("-ext");
            req.add("san=" + String.join(",", san));
        }
        keytool(req.toArray(String[]::new));
        String csr = Files.readString(work.resolve(alias + ".csr"));
        String body = "{\"csr\":\"" + csr.replace("\r", "").replace("\n", "\\n") + "\",\"profile\":\"" + profile + "\"}";
        String user = env("TRIAD_CA_ENROLL_USER", "ca-provision");
        String enrolPassword = env("TRIAD_CA_ENROLL_PASSWORD", "triad-dev-pass");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(caUrl + "/api/v1/certificates"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + enrolPassword).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("the CA refused the request for " + alias + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        String certificate = null;
        String chain = null;
        Matcher m = JSON_STRING.matcher(response.body());
        while (m.find()) {
            String value = m.group(2).replace("\\n", "\n").replace("\\/", "/");
            if (m.group(1).equals("certificate")) {
                certificate = value;
            } else {
                chain = value;
            }
        }
        Path reply = work.resolve(alias + ".reply.pem");
        Files.writeString(reply, certificate + chain);
        keytool("-importcert", "-noprompt", "-trustcacerts", "-alias", alias, "-file", reply.toString(),
                "-keystore", staging.toString(), "-storepass", pass);
        keytool("-importkeystore", "-noprompt", "-srckeystore", staging.toString(), "-srcstoretype", "PKCS12",
                "-srcstorepass", pass, "-srcalias", alias, "-destkeystore", keystore.toString(),
                "-deststoretype", "PKCS12", "-deststorepass", pass, "-destalias", alias);
        log(alias + ": installed certificate " + readCertificates(certificate).get(0).getSerialNumber().toString(16));
    }

    private void installRoot(X509Certificate root) throws Exception {
        Path truststore = configDir.resolve("cacerts.p12");
        KeyStore ts = load(truststore);
        Certificate existing = ts.getCertificate("triad-root");
        if (root.equals(existing)) {
            return;
        }
        Path file = work.resolve("root.pem");
        Files.writeString(file, pem(root));
        String pass = new String(storePassword);
        if (existing != null) {
            keytool("-delete", "-alias", "triad-root", "-keystore", truststore.toString(), "-storepass", pass);
        }
        keytool("-importcert", "-noprompt", "-alias", "triad-root", "-file", file.toString(), "-keystore",
                truststore.toString(), "-storepass", pass);
        log("truststore: installed the Triad root " + root.getSubjectX500Principal().getName());
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(caUrl + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + caUrl + path + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    private KeyStore load(Path file) throws Exception {
        return load(file, storePassword);
    }

    private static KeyStore load(Path file, char[] password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password);
        }
        return ks;
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's permissions protect it
        }
    }

    /** The password in {@code file}; a new random one (owner-only file) if there is none yet. Never printed. */
    private static char[] passwordFrom(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[24];
            new java.security.SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            ownerOnly(file);
            log(file.getFileName() + ": generated a new keystore password");
        }
        return Files.readString(file, StandardCharsets.UTF_8).trim().toCharArray();
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + out);
        }
    }

    static List<X509Certificate> readCertificates(String pem) throws Exception {
        List<X509Certificate> result = new ArrayList<>();
        for (Certificate c : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
            result.add((X509Certificate) c);
        }
        return result;
    }

    static SSLContext trusting(List<X509Certificate> certificates) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        int i = 0;
        for (X509Certificate c : certificates) {
            ks.setCertificateEntry("trusted-" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    static String pem(X509Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void log(String message) {
        System.err.println("  tls  " + message);
    }

    private void cleanUp() throws IOException {
        try (var files = Files.list(work)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(work);
    }
}
