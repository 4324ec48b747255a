package org.triad.bench.bank;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.triad.bench.ca.CaClient;
import org.triad.bench.common.Machine;
import org.triad.bench.common.Report;
import org.triad.bench.common.Stats;

/**
 * Bank benchmark (issue 4): transfers through the REST API with 1 and 8 clients, plus the in-container numbers
 * (service layer and raw JDBC) that {@code LedgerBench} in bank-app wrote earlier in the same run of
 * {@code bench/run-bank.sh}. See bench/README.md.
 */
public final class BankBench {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm", Locale.ROOT);
    private static final Pattern CODE = Pattern.compile("is: (\\d{6})");
    private static final String PASSWORD = "bench-password-1234";
    private static final String PAY_PASSWORD = "123456";
    private static final String AMOUNT = "0.01";
    private static final BigDecimal OPENING = new BigDecimal("100000.00");
    private static final String REST_OP = "bank REST: POST /cards/{id}/transfers (code fetched before)";
    private static final String CODE_OP = "bank REST: POST /codes TRANSFER + read mail (untimed step)";
    private static final String SERVICE_OP = "bank service: MoneyMovements.move (in-container)";
    private static final String JDBC_OP = "raw JDBC: 2 x SELECT FOR UPDATE + 2 UPDATE + 3 INSERT (in-container)";

    private final Map<String, String> options;
    private final Report report = new Report();
    private final String bank;
    private HttpClient[] http;
    private GreenMail mail;

    private BankBench(Map<String, String> options) {
        this.options = options;
        this.bank = options.get("bank-url").replaceAll("/+$", "");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("trust", "certs/trust.pem");
        o.put("bank-url", "https://localhost:9443/bank/api/v1");
        o.put("clients", "1,8");
        o.put("warmup-rounds", "20");
        o.put("rounds", "150");
        o.put("service-results", "bank-ear/bank-app/target/ledger-bench.txt");
        o.put("out", "bench/results");
        o.put("commit", "unknown");
        o.put("payara-version", "unknown");
        o.put("db", "unknown");
        o.put("service-seconds", "?");
        o.put("service-warmup-seconds", "?");
        for (String a : args) {
            if (a.equals("--help") || !a.startsWith("--") || !a.contains("=")
                    || !o.containsKey(a.substring(2, a.indexOf('=')))) {
                System.err.println("usage: BankBench " + o.keySet().stream().map(k -> "--" + k + "=" + o.get(k))
                        .reduce((x, y) -> x + " " + y).orElse(""));
                System.exit(2);
            }
            o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        System.exit(new BankBench(o).run());
    }

    record Account(String email, long customerId, long cardId, String number, String bearer) {
    }

    private int run() throws Exception {
        OffsetDateTime now = OffsetDateTime.now();
        long started = System.nanoTime();
        int[] levels = Arrays.stream(options.get("clients").split(",")).mapToInt(Integer::parseInt).toArray();
        int warmupRounds = Integer.parseInt(options.get("warmup-rounds"));
        int rounds = Integer.parseInt(options.get("rounds"));
        setup(now);
        SSLContext tls = CaClient.tls(Path.of(options.get("trust")));
        int cards = Math.max(2, Arrays.stream(levels).max().orElse(1));
        http = new HttpClient[cards];
        for (int i = 0; i < cards; i++) {
            http[i] = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
        }
        mail = new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try {
            // --- preparation, not timed: register, activate, approve, open and fund one card per client ---------
            String run = Long.toString(System.currentTimeMillis() / 1000, 36);
            log("registering " + cards + " customers with funded cards through the REST API ...");
            List<Account> ring = new ArrayList<>();
            for (int i = 0; i < cards; i++) {
                ring.add(customer(i, "bench-" + run + "-" + i + "@example.com"));
            }
            Map<Long, BigDecimal> before = new LinkedHashMap<>();
            for (Account a : ring) {
                before.put(a.cardId(), balance(a));
            }
            AtomicLong[] sent = new AtomicLong[cards];
            Arrays.setAll(sent, i -> new AtomicLong());

            // --- REST phases --------------------------------------------------------------------------------
            Map<Integer, Report.Row> restRows = new LinkedHashMap<>();
            Map<Integer, Stats> codeStats = new LinkedHashMap<>();
            Map<Integer, long[]> refusals = new LinkedHashMap<>();
            for (int clients : levels) {
                log("REST, " + clients + " client(s): " + warmupRounds + " warm-up + " + rounds + " measured rounds ...");
                rounds(ring, clients, warmupRounds, sent, null);
                long[] counts = new long[2];
                Stats[] s = rounds(ring, clients, rounds, sent, counts);
                refusals.put(clients, counts);
                restRows.put(clients, null);
                codeStats.put(clients, s[1]);
                restRows.put(clients, new Report.Row(REST_OP, "service", clients, s[0], null));
            }

            // --- checks, not timed ----------------------------------------------------------------------------
            BigDecimal cent = new BigDecimal(AMOUNT);
            int wrong = 0;
            BigDecimal sumBefore = BigDecimal.ZERO;
            BigDecimal sumAfter = BigDecimal.ZERO;
            for (int i = 0; i < cards; i++) {
                Account a = ring.get(i);
                long in = sent[(i - 1 + cards) % cards].get();
                BigDecimal expected = before.get(a.cardId()).subtract(cent.multiply(BigDecimal.valueOf(sent[i].get())))
                        .add(cent.multiply(BigDecimal.valueOf(in)));
                BigDecimal actual = balance(a);
                sumBefore = sumBefore.add(before.get(a.cardId()));
                sumAfter = sumAfter.add(actual);
                if (actual.compareTo(expected) != 0) {
                    wrong++;
                    log("card " + a.cardId() + ": balance " + actual + ", expected " + expected);
                }
            }
            long total = Arrays.stream(sent).mapToLong(AtomicLong::get).sum();
            report.note("REST check: " + total + " transfers answered 201 (warm-up included); the balances of the "
                    + cards + " bench cards sum to " + sumAfter + " before and after (" + sumBefore + "); " + wrong
                    + " cards differ from opening − sent + received.");
            for (int clients : levels) {
                long[] c = refusals.get(clients);
                report.note("REST " + clients + " client(s): " + c[0] + " refused as 422 insufficient-funds / 503 "
                        + "ledger-busy (counted, not in the throughput), " + c[1] + " other errors; 0 × 429.");
            }

            // --- in-container results (LedgerBench) ------------------------------------------------------------
            InContainer ic = InContainer.read(Path.of(options.get("service-results")));
            for (int clients : levels) {
                Report.Row jdbc = ic.row(JDBC_OP, "jdbc", clients, null);
                Report.Row rest = restRows.get(clients);
                report.add(rest.operation(), rest.kind(), clients, rest.stats(), jdbc);
            }
            for (int clients : levels) {
                Report.Row jdbc = ic.row(JDBC_OP, "jdbc", clients, null);
                report.add(SERVICE_OP, "service", clients, ic.row(SERVICE_OP, "service", clients, jdbc).stats(), jdbc);
            }
            for (int clients : levels) {
                Report.Row jdbc = ic.row(JDBC_OP, "jdbc", clients, null);
                report.add(JDBC_OP, "baseline", clients, jdbc.stats(), null);
            }
            for (int clients : levels) {
                report.add(CODE_OP, "step", clients, codeStats.get(clients), null);
            }
            ic.notes().forEach(report::note);
            report.setup("in-container database", ic.database());
            for (int clients : levels) {
                Report.Row rest = restRows.get(clients);
                Report.Row service = ic.row(SERVICE_OP, "service", clients, null);
                report.note(String.format(Locale.ROOT, "REST / service layer throughput at %d client(s): %s",
                        clients, Report.ratio(rest.stats().ratioTo(service.stats()))));
            }
        } finally {
            mail.stop();
        }
        report.setup("load average at end", Machine.loadAverage());
        report.setup("run time", String.format(Locale.ROOT, "%.0f s (benchmark JVM: set-up, REST phases, report)",
                (System.nanoTime() - started) / 1e9));
        Path out = Path.of(options.get("out"));
        Files.createDirectories(out);
        String name = "bank-" + now.format(FILE_TIME);
        Path md = out.resolve(name + ".md");
        Path json = out.resolve(name + ".json");
        Files.writeString(md, report.markdown("Bank benchmark, " + now.truncatedTo(ChronoUnit.MINUTES)),
                StandardCharsets.UTF_8);
        Files.writeString(json, report.json(), StandardCharsets.UTF_8);
        System.out.println(report.table());
        log("wrote " + md + " and " + json);
        return 0;
    }

    /**
     * {@code count} rounds: every client requests a TRANSFER code and reads it from its mail (timed separately),
     * then all clients send their transfer at once; a round's time is from the start of the first transfer to the
     * answer of the last. Returns the transfer stats and the code-step stats (null arrays for warm-up).
     */
    private Stats[] rounds(List<Account> ring, int clients, int count, AtomicLong[] sent, long[] refusedAndErrors)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long[] transferLat = new long[count * clients];
            long[] codeLat = new long[count * clients];
            int ok = 0;
            int codes = 0;
            long transferWall = 0;
            long codeWall = 0;
            long refused = 0;
            long errors = 0;
            for (int r = 0; r < count; r++) {
                // 1. codes (outside the transfer timing)
                List<Future<String>> codeFutures = new ArrayList<>();
                long[] codeTimes = new long[clients];
                long c0 = System.nanoTime();
                for (int i = 0; i < clients; i++) {
                    final int client = i;
                    codeFutures.add(pool.submit(() -> {
                        long t0 = System.nanoTime();
                        String code = transferCode(client, ring.get(client));
                        codeTimes[client] = System.nanoTime() - t0;
                        return code;
                    }));
                }
                String[] code = new String[clients];
                for (int i = 0; i < clients; i++) {
                    code[i] = codeFutures.get(i).get();
                }
                codeWall += System.nanoTime() - c0;
                for (long t : codeTimes) {
                    codeLat[codes++] = t;
                }
                mail.purgeEmailFromAllMailboxes();
                // 2. the transfers, all clients at once
                List<Future<long[]>> transfers = new ArrayList<>();
                long t0 = System.nanoTime();
                for (int i = 0; i < clients; i++) {
                    final int client = i;
                    transfers.add(pool.submit(() -> {
                        Account from = ring.get(client);
                        Account to = ring.get((client + 1) % ring.size());
                        String body = "{\"toCardNumber\": \"" + to.number() + "\", \"amount\": " + AMOUNT
                                + ", \"payPassword\": \"" + PAY_PASSWORD + "\", \"code\": \"" + code[client] + "\"}";
                        HttpRequest request = request("/cards/" + from.cardId() + "/transfers", from.bearer())
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long s = System.nanoTime();
                        HttpResponse<String> response = http[client].send(request, HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - s;
                        int status = response.statusCode();
                        if (status == 429) {
                            throw new IllegalStateException("429 from the bank: start the platform with "
                                    + "TRIAD_BANK_RATE_LIMIT_ENABLED=false (" + response.body() + ")");
                        }
                        if (status == 201) {
                            sent[client].incrementAndGet();
                            return new long[] {0, took};
                        }
                        if ((status == 422 && response.body().contains("insufficient-funds"))
                                || (status == 503 && response.body().contains("ledger-busy"))) {
                            return new long[] {1, took};
                        }
                        log("transfer failed: " + status + " " + response.body());
                        return new long[] {2, took};
                    }));
                }
                for (Future<long[]> f : transfers) {
                    long[] result = f.get();
                    if (result[0] == 0) {
                        transferLat[ok++] = result[1];
                    } else if (result[0] == 1) {
                        refused++;
                    } else {
                        errors++;
                    }
                }
                transferWall += System.nanoTime() - t0;
            }
            if (refusedAndErrors == null) {
                return new Stats[] {null, null};
            }
            refusedAndErrors[0] = refused;
            refusedAndErrors[1] = errors;
            return new Stats[] {Stats.of(Arrays.copyOf(transferLat, ok), errors + refused, transferWall),
                    Stats.of(codeLat, 0, codeWall)};
        } finally {
            pool.shutdownNow();
        }
    }

    // --- REST set-up of one customer -----------------------------------------------------------------------

    private Account customer(int i, String email) throws Exception {
        HttpClient h = http[i];
        expect(h, post("/customers", null, "{\"nickname\": \"Bench " + i + "\", \"email\": \"" + email
                + "\", \"password\": \"" + PASSWORD + "\", \"payPassword\": \"" + PAY_PASSWORD + "\"}"), 201);
        String code = waitForCode(email);
        mail.purgeEmailFromAllMailboxes();
        String activated = expect(h, post("/customers/activation", null,
                "{\"email\": \"" + email + "\", \"code\": \"" + code + "\"}"), 200);
        long customerId = number(activated, "id");
        String clerk = basic("clerk", "triad-dev-pass");
        expect(h, post("/clerk/customers/" + customerId + "/kyc", clerk, "{\"decision\": \"APPROVE\"}"), 200);
        String session = expect(h, post("/sessions", basic(email, PASSWORD), ""), 201);
        String bearer = "Bearer " + string(session, "token");
        String card = expect(h, post("/cards", bearer, ""), 201);
        long cardId = number(card, "id");
        String number = string(card, "number");
        code = waitForCode(email);
        mail.purgeEmailFromAllMailboxes();
        expect(h, post("/cards/" + cardId + "/activation", bearer, "{\"code\": \"" + code + "\"}"), 200);
        expect(h, post("/codes", bearer, "{\"purpose\": \"DEPOSIT\"}"), 202);
        code = waitForCode(email);
        mail.purgeEmailFromAllMailboxes();
        expect(h, request("/cards/" + cardId + "/deposits", bearer).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\": " + OPENING.toPlainString()
                        + ", \"code\": \"" + code + "\"}")).build(), 201);
        return new Account(email, customerId, cardId, number, bearer);
    }

    private String transferCode(int client, Account a) throws Exception {
        expect(http[client], post("/codes", a.bearer(), "{\"purpose\": \"TRANSFER\"}"), 202);
        return waitForCode(a.email());
    }

    private BigDecimal balance(Account a) throws Exception {
        String card = expect(http[0], request("/cards/" + a.cardId(), a.bearer()).GET().build(), 200);
        Matcher m = Pattern.compile("\"balance\"\\s*:\\s*([0-9.]+)").matcher(card);
        if (!m.find()) {
            throw new IllegalStateException("no balance in " + card);
        }
        return new BigDecimal(m.group(1));
    }

    /** The code in the newest mail to the address (mails are purged after each read). */
    private String waitForCode(String to) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            MimeMessage[] messages = mail.getReceivedMessages();
            for (int i = messages.length - 1; i >= 0; i--) {
                try {
                    if (Arrays.stream(messages[i].getRecipients(Message.RecipientType.TO))
                            .anyMatch(a -> a.toString().equalsIgnoreCase(to))) {
                        Matcher m = CODE.matcher(String.valueOf(messages[i].getContent()));
                        if (m.find()) {
                            return m.group(1);
                        }
                    }
                } catch (Exception e) {
                    // a message being delivered; look again
                }
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("no code mail to " + to + " within 20 s (is another SMTP server on 3025?)");
    }

    private HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(bank + path)).timeout(Duration.ofSeconds(60))
                .header("User-Agent", "BankBench");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private HttpRequest post(String path, String authorization, String json) {
        return request(path, authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static String expect(HttpClient h, HttpRequest request, int status) throws IOException, InterruptedException {
        HttpResponse<String> r = h.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 429) {
            throw new IllegalStateException("429 from the bank: start the platform with "
                    + "TRIAD_BANK_RATE_LIMIT_ENABLED=false");
        }
        if (r.statusCode() != status) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + r.statusCode()
                    + " (expected " + status + ") " + r.body());
        }
        return r.body();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static long number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    static String string(String json, String name) {
        String v = org.triad.bench.common.Json.stringMember(json, name);
        if (v == null) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return v;
    }

    // --- the in-container results ------------------------------------------------------------------------------

    /** The file LedgerBench wrote: {@code phase <name> <clients> <wall ns> <refused> <errors>}, {@code lat ...}. */
    record InContainer(String database, Map<String, Stats> phases, List<String> notes) {

        static InContainer read(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String database = "unknown";
            Map<String, Stats> phases = new LinkedHashMap<>();
            List<String> notes = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("database ")) {
                    database = line.substring(9);
                } else if (line.startsWith("check ")) {
                    notes.add("In-container check: " + line.substring(6));
                } else if (line.startsWith("cards ")) {
                    notes.add("In-container ring of " + line.substring(6) + " fresh cards (opening 1,000,000.00 each), "
                            + "client i transfers 0.01 from card i to card i+1.");
                } else if (line.startsWith("phase ")) {
                    String[] p = line.split(" ");
                    String lat = lines.get(++i).trim();
                    long[] latencies = lat.equals("lat") ? new long[0]
                            : Arrays.stream(lat.substring(4).split(" ")).mapToLong(Long::parseLong).toArray();
                    long refused = Long.parseLong(p[4]);
                    long errors = Long.parseLong(p[5]);
                    phases.put(p[1] + "/" + p[2], Stats.of(latencies, refused + errors, Long.parseLong(p[3])));
                    notes.add("In-container " + p[1] + ", " + p[2] + " thread(s): " + refused
                            + " refused (insufficient funds / ledger busy), " + errors + " errors.");
                }
            }
            return new InContainer(database, phases, notes);
        }

        Report.Row row(String operation, String kind, int clients, Report.Row baseline) {
            Stats s = phases.get(kind + "/" + clients);
            if (s == null) {
                throw new IllegalStateException("no in-container " + kind + " phase with " + clients + " clients");
            }
            return new Report.Row(operation, kind, clients, s, baseline);
        }
    }

    // --- set-up -----------------------------------------------------------------------------------------------

    private void setup(OffsetDateTime now) {
        Runtime rt = Runtime.getRuntime();
        report.setup("date", now.toString());
        report.setup("commit", options.get("commit"));
        report.setup("machine", rt.availableProcessors() + " CPU cores visible (" + Machine.cpuModel() + "), " + Machine.memTotal()
                + " RAM; client, server and database on the same machine");
        report.setup("load average at start", Machine.loadAverage() + " (1, 5, 15 min; from /proc/loadavg)");
        report.setup("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        report.setup("JDK (benchmark)", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", max heap " + rt.maxMemory() / (1024 * 1024) + " MiB");
        report.setup("Payara", options.get("payara-version"));
        report.setup("database (TRIAD_DB)", options.get("db"));
        report.setup("bank", bank + " (TLS, HTTP/1.1 keep-alive, one connection and one Bearer session per client)");
        report.setup("REST load", "one customer and card per client, client i transfers " + AMOUNT + " from card i to"
                + " card i+1 (a ring); per round every client first requests a TRANSFER code and reads it from the"
                + " mail (untimed), then all clients send their transfer at once; throughput = 201 answers / summed"
                + " time from the start of a round's first transfer to its last answer; " + options.get("warmup-rounds")
                + " warm-up + " + options.get("rounds") + " measured rounds per level");
        report.setup("in-container load", "LedgerBench (Arquillian, bank EAR + the bench class): closed loop per"
                + " thread, " + options.get("service-warmup-seconds") + " s warm-up + " + options.get("service-seconds")
                + " s measured per phase; service then raw JDBC at each level, on the bank's own data source");
    }




    private static void log(String message) {
        System.err.println("[bank-bench] " + message);
    }
}
