package org.triad.bench.ca;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command-line options of {@link CaBench}, all {@code --name=value}. */
public record BenchConfig(Path trustPem, String caUrl, String pkiUrl, String user, String password,
                          List<Integer> clients, int issueWarmup, int issueRequests, int ocspWarmup,
                          int ocspRequests, Duration baselineWarmup, Duration baselineDuration, Duration settle,
                          boolean baselinesOnly, Path outDir, String commit, String payaraVersion, String database) {

    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("trust", "certs/trust.pem");
        DEFAULTS.put("ca-url", "https://localhost:8443/ca");
        DEFAULTS.put("pki-url", "http://localhost:8080/ca");
        DEFAULTS.put("user", "ca-enroll");
        DEFAULTS.put("password", "triad-dev-pass");
        DEFAULTS.put("clients", "1,8");
        DEFAULTS.put("issue-warmup", "40");
        DEFAULTS.put("issue-requests", "200");
        DEFAULTS.put("ocsp-warmup", "300");
        DEFAULTS.put("ocsp-requests", "1000");
        DEFAULTS.put("baseline-warmup-seconds", "2");
        DEFAULTS.put("baseline-seconds", "4");
        DEFAULTS.put("settle-seconds", "3");
        DEFAULTS.put("baselines-only", "false");
        DEFAULTS.put("out", "bench/results");
        DEFAULTS.put("commit", "unknown");
        DEFAULTS.put("payara-version", "unknown");
        DEFAULTS.put("db", System.getenv().getOrDefault("TRIAD_DB", "h2"));
    }

    public static BenchConfig parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new IllegalArgumentException(usage());
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'\n" + usage());
            }
            String name = arg.substring(2, eq);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "\n" + usage());
            }
            values.put(name, arg.substring(eq + 1));
        }
        List<Integer> clients = new ArrayList<>();
        for (String c : values.get("clients").split(",")) {
            int n = Integer.parseInt(c.trim());
            if (n < 1) {
                throw new IllegalArgumentException("clients must be positive");
            }
            clients.add(n);
        }
        return new BenchConfig(Path.of(values.get("trust")), strip(values.get("ca-url")), strip(values.get("pki-url")),
                values.get("user"), values.get("password"), List.copyOf(clients),
                nonNegative(values, "issue-warmup"), positive(values, "issue-requests"),
                nonNegative(values, "ocsp-warmup"), positive(values, "ocsp-requests"),
                Duration.ofMillis((long) (Double.parseDouble(values.get("baseline-warmup-seconds")) * 1000)),
                Duration.ofMillis((long) (Double.parseDouble(values.get("baseline-seconds")) * 1000)),
                Duration.ofMillis((long) (Double.parseDouble(values.get("settle-seconds")) * 1000)),
                Boolean.parseBoolean(values.get("baselines-only")), Path.of(values.get("out")),
                values.get("commit"), values.get("payara-version"), values.get("db"));
    }

    static String usage() {
        StringBuilder out = new StringBuilder("Options (defaults):\n");
        DEFAULTS.forEach((k, v) -> out.append("  --").append(k).append('=').append(
                k.equals("password") ? "***" : v).append('\n'));
        return out.toString();
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static int positive(Map<String, String> values, String name) {
        int n = Integer.parseInt(values.get(name));
        if (n < 1) {
            throw new IllegalArgumentException("--" + name + " must be positive");
        }
        return n;
    }

    private static int nonNegative(Map<String, String> values, String name) {
        int n = Integer.parseInt(values.get(name));
        if (n < 0) {
            throw new IllegalArgumentException("--" + name + " must not be negative");
        }
        return n;
    }

    @Override
    public String toString() {
        return "clients=" + clients + ", issuance " + issueWarmup + " warm-up + " + issueRequests
                + " measured requests per level, OCSP " + ocspWarmup + " + " + ocspRequests
                + ", baselines " + baselineWarmup.toMillis() / 1000.0 + " s warm-up + "
                + baselineDuration.toMillis() / 1000.0 + " s per level, after a " + settle.toMillis() / 1000.0
                + " s pause" + (baselinesOnly ? " (baselines only)" : "");
    }

    static List<String> optionNames() {
        return Arrays.asList(DEFAULTS.keySet().toArray(String[]::new));
    }
}
