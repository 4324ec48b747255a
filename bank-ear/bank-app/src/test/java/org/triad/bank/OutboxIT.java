package org.triad.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBTransactionRequiredException;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.triad.bank.application.support.Outbox;
import org.triad.bank.application.support.OutboxDeliveries;
import org.triad.bank.application.support.OutboxRelay;
import org.triad.bank.domain.model.outbox.DeliveryAttempt;
import org.triad.bank.domain.model.outbox.OutboxMessage;
import org.triad.bank.domain.model.outbox.OutboxRepository;
import org.triad.bank.domain.model.outbox.OutboxStatus;
import org.triad.common.notify.InvalidNotificationException;
import org.triad.common.notify.Notification;
import org.triad.common.notify.SignedNotificationVerifier;
import org.triad.testkit.Deployments;
import org.triad.testkit.OcspFileResponder;

/**
 * The durable outbox inside the server, with a loopback HTTPS receiver: an outbox row exists only if the caller's
 * transaction commits (and the API refuses to run without one); a receiver that answers 503 three times gets the
 * notification a fourth time and then answers 200 — delivered, four attempts recorded, exactly one 2xx; what arrived
 * is accepted by the common verifier, and refused when its body is tampered with or its timestamp is stale; eight
 * relays racing for one row send it once; a row that a crash left behind (no kick, a dead relay's lease) is found by
 * the poll timer; a clerk sees a dead delivery with its attempts and resends it.
 * <p>
 * The bank cannot reach the Triad CA here (only the bank is deployed), so the bank's signing key, the receiver's TLS
 * certificate and the truststore come from a CA-shaped {@link TestPki} with a real OCSP responder on loopback; the
 * deployment's configuration points the bank's {@code triad.bank.notify.*} and {@code triad.tls.*} at them. The
 * provisioning from the real CA is what {@code ./triad start} does (docs/deployment.md).
 */
@ExtendWith(ArquillianExtension.class)
class OutboxIT {

    static final String PASSWORD = "outbox-it-only";

    @Deployment
    static EnterpriseArchive deployment() throws IOException {
        // the test PKI is made here, in the test client (BouncyCastle is not in the server); only files reach the server
        return Deployments.ear("bank", OutboxItPki.prepare(PASSWORD), OutboxIT.class, Receiver.class,
                Receiver.Request.class);
    }

    private static OcspFileResponder responder;

    @Inject
    OutboxRepository messages;

    @EJB
    Outbox outbox;

    @EJB
    OutboxRelay relay;

    @EJB
    OutboxDeliveries deliveries;

    @Inject
    org.triad.bank.domain.model.customer.CustomerRepository customers;

    @Resource
    UserTransaction tx;

    static synchronized void ocsp() throws IOException {
        if (responder == null) {
            responder = new OcspFileResponder(dir(), ConfigProvider.getConfig().getValue("outbox-it.ocsp-port", Integer.class));
        }
    }

    static Path dir() {
        return Path.of(ConfigProvider.getConfig().getValue("outbox-it.dir", String.class));
    }

    static X509Certificate root() throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(dir().resolve("root.der")));
    }

    static String body(String eventId) {
        return "{\"id\":\"" + eventId + "\",\"type\":\"payment.paid\",\"created\":\"" + Instant.now() + "\","
                + "\"sequence\":1,\"payment\":{\"id\":\"pay_it\",\"status\":\"PAID\",\"total\":\"12.34\"}}";
    }

    @Test
    void aRowExistsOnlyWhenTheCallersTransactionCommits() throws Exception {
        ocsp();
        try (Receiver receiver = new Receiver()) {
            String rolledBack = "evt_" + UUID.randomUUID();
            tx.begin();
            outbox.merchantNotification(receiver.url(), rolledBack, "payment.paid", body(rolledBack));
            tx.rollback();
            assertThat(read(() -> messages.findByEventId(rolledBack))).as("nothing after a rollback").isEmpty();

            assertThatThrownBy(() -> outbox.merchantNotification(receiver.url(), "evt_" + UUID.randomUUID(),
                    "payment.paid", "{}")).isInstanceOf(EJBTransactionRequiredException.class);

            String committed = "evt_" + UUID.randomUUID();
            tx.begin();
            long id = outbox.merchantNotification(receiver.url(), committed, "payment.paid", body(committed));
            Instant commit = Instant.now();
            tx.commit();
            assertThat(read(() -> messages.findByEventId(committed))).map(OutboxMessage::id).contains(id);
            Receiver.Request first = receiver.requests.poll(10, TimeUnit.SECONDS);
            assertThat(first).as("delivered after the commit").isNotNull();
            assertThat(Duration.between(commit, first.at())).as("kicked at commit, not found by the timer")
                    .isLessThan(Duration.ofSeconds(3));
            assertThat(first.eventId()).isEqualTo(committed);
            assertThat(receiver.requests.poll(1, TimeUnit.SECONDS)).as("the rolled-back one never comes").isNull();
        }
    }

    @Test
    void aReceiverAnswering503ThreeTimesGetsItTheFourthTimeAndTheVerifierAcceptsIt() throws Exception {
        ocsp();
        try (Receiver receiver = new Receiver(503, 503, 503, 200)) {
            String eventId = "evt_" + UUID.randomUUID();
            String json = body(eventId);
            tx.begin();
            long id = outbox.merchantNotification(receiver.url(), eventId, "payment.paid", json);
            tx.commit();

            OutboxMessage delivered = await(() -> read(() -> messages.find(id)).filter(m -> m.status() == OutboxStatus.DELIVERED),
                    Duration.ofSeconds(30));
            assertThat(delivered.attempts()).isEqualTo(4);
            List<DeliveryAttempt> attempts = read(() -> messages.attempts(id));
            assertThat(attempts).extracting(DeliveryAttempt::httpStatus).containsExactly(503, 503, 503, 200);
            assertThat(attempts).filteredOn(DeliveryAttempt::succeeded).hasSize(1);
            assertThat(attempts).allSatisfy(a -> assertThat(a.startedAt()).isNotNull());
            assertThat(attempts.get(0).error()).isEqualTo("HTTP 503");

            List<Receiver.Request> got = new ArrayList<>();
            receiver.requests.drainTo(got);
            assertThat(got).hasSize(4).allSatisfy(r -> {
                assertThat(r.eventId()).isEqualTo(eventId);
                assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(json);
            });
            Receiver.Request last = got.get(3);
            assertThat(last.header("Content-Type")).startsWith("application/json");
            assertThat(last.header("Triad-Timestamp")).matches("\\d+");

            SignedNotificationVerifier verifier = new SignedNotificationVerifier(root());
            Notification n = verifier.verify(last.body(), last::header);
            assertThat(n.id()).isEqualTo(eventId);
            assertThat(n.type()).isEqualTo("payment.paid");
            assertThat(n.sequence()).isEqualTo(1);
            assertThat(n.paymentJson()).contains("pay_it");
            assertThat(n.signer().getSubjectX500Principal().getName()).isEqualTo("CN=bank-notify");
            assertThat(n.signedAt().getEpochSecond()).isEqualTo(Long.parseLong(last.header("Triad-Timestamp")));

            byte[] tampered = json.replace("12.34", "99.99").getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> verifier.verify(tampered, last::header))
                    .isInstanceOfSatisfying(InvalidNotificationException.class,
                            e -> assertThat(e.reason()).isEqualTo("bad-signature"));
            SignedNotificationVerifier later = new SignedNotificationVerifier(List.of(root()), Duration.ofSeconds(300),
                    Clock.fixed(n.signedAt().plusSeconds(301), ZoneOffset.UTC));
            assertThatThrownBy(() -> later.verify(last.body(), last::header))
                    .isInstanceOfSatisfying(InvalidNotificationException.class,
                            e -> assertThat(e.reason()).isEqualTo("stale"));
        }
    }

    @Test
    void relaysRacingForOneRowSendItOnce() throws Exception {
        ocsp();
        try (Receiver receiver = new Receiver()) {
            receiver.delay = Duration.ofMillis(300);
            String eventId = "evt_" + UUID.randomUUID();
            tx.begin();
            long id = outbox.merchantNotification(receiver.url(), eventId, "payment.paid", body(eventId));
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Boolean>> racers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                racers.add(pool.submit(() -> {
                    start.await();
                    return relay.attempt(id);
                }));
            }
            tx.commit(); // the after-commit kick races with the eight
            start.countDown();
            int made = 0;
            for (Future<Boolean> f : racers) {
                made += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            pool.shutdown();
            OutboxMessage delivered = await(() -> read(() -> messages.find(id)).filter(m -> m.status() == OutboxStatus.DELIVERED),
                    Duration.ofSeconds(20));
            Thread.sleep(1500); // a second send, if any, would arrive now
            assertThat(made).as("at most one of the racers made the attempt").isLessThanOrEqualTo(1);
            assertThat(receiver.requests).as("sent once").hasSize(1);
            assertThat(read(() -> messages.attempts(id))).hasSize(1);
            assertThat(delivered.attempts()).isEqualTo(1);
        }
    }

    @Test
    void aRowACrashLeftBehindIsDeliveredByTheTimer() throws Exception {
        ocsp();
        try (Receiver receiver = new Receiver()) {
            String eventId = "evt_" + UUID.randomUUID();
            // as if the server died after the commit, before the kick ran, while a relay held the row for a second:
            // the row is written without the Outbox's after-commit kick, and leased by a relay that never reports
            tx.begin();
            OutboxMessage row = new OutboxMessage(org.triad.bank.domain.model.outbox.OutboxKind.MERCHANT_NOTIFICATION,
                    receiver.url(), eventId, "payment.paid", body(eventId), Instant.now(), Duration.ZERO);
            messages.add(row);
            tx.commit();
            tx.begin();
            assertThat(messages.claim(row.id(), "crashed-relay", Instant.now(), Instant.now().plusSeconds(1))).isTrue();
            tx.commit();

            Receiver.Request got = receiver.requests.poll(15, TimeUnit.SECONDS);
            assertThat(got).as("the poll timer delivered it once the dead relay's lease ran out").isNotNull();
            assertThat(got.eventId()).isEqualTo(eventId);
            OutboxMessage delivered = await(() -> read(() -> messages.find(row.id()))
                    .filter(m -> m.status() == OutboxStatus.DELIVERED), Duration.ofSeconds(10));
            assertThat(delivered.attempts()).isEqualTo(1);
            assertThat(read(() -> messages.attempts(row.id())).get(0).relay()).doesNotStartWith("crashed-relay");
        }
    }

    @Test
    void aClerkSeesADeadDeliveryWithItsAttemptsAndResendsIt() throws Exception {
        ocsp();
        long clerk = read(() -> customers.findByLogin("clerk")).orElseThrow().id();
        try (Receiver receiver = new Receiver(503, 503, 503, 503, 503)) {
            String eventId = "evt_" + UUID.randomUUID();
            tx.begin();
            long id = outbox.merchantNotification(receiver.url(), eventId, "payment.expired", body(eventId));
            tx.commit();
            await(() -> read(() -> messages.find(id)).filter(m -> m.status() == OutboxStatus.DEAD), Duration.ofSeconds(30));

            OutboxDeliveries.View dead = deliveries.list(clerk, java.util.EnumSet.of(OutboxStatus.DEAD), null, 200)
                    .stream().filter(v -> v.id() == id).findFirst().orElseThrow();
            assertThat(dead.attempts()).as("every step of the schedule").isEqualTo(5);
            assertThat(dead.attemptList()).extracting(OutboxDeliveries.AttemptView::httpStatus).containsOnly(503);
            assertThat(dead.resendable()).isTrue();
            assertThatThrownBy(() -> deliveries.list(-1, java.util.EnumSet.of(OutboxStatus.DEAD), null, 10))
                    .isInstanceOf(org.triad.bank.domain.model.shared.NotPermittedException.class);

            OutboxDeliveries.View resent = deliveries.resend(clerk, id);
            assertThat(resent.status()).isEqualTo(OutboxStatus.PENDING);
            OutboxMessage delivered = await(() -> read(() -> messages.find(id)).filter(m -> m.status() == OutboxStatus.DELIVERED),
                    Duration.ofSeconds(10));
            assertThat(delivered.attempts()).isEqualTo(6);
            assertThat(receiver.requests).hasSize(6).allSatisfy(r -> assertThat(r.eventId()).isEqualTo(eventId));
        }
    }

    /** A read in a transaction of its own (the repositories' entity manager is transaction-scoped). */
    <T> T read(Supplier<T> query) {
        try {
            tx.begin();
            try {
                return query.get();
            } finally {
                tx.commit();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T await(Supplier<java.util.Optional<T>> probe, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            java.util.Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within " + timeout);
    }

    /** An HTTPS receiver on a loopback port with the test PKI's localhost certificate; answers the given statuses, then 200. */
    static final class Receiver implements AutoCloseable {

        record Request(Map<String, List<String>> headers, byte[] body, Instant at) {
            String header(String name) {
                return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                        .map(e -> e.getValue().get(0)).findFirst().orElse(null);
            }

            String eventId() {
                return header("Triad-Event-Id");
            }
        }

        final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
        private final ConcurrentLinkedDeque<Integer> statuses = new ConcurrentLinkedDeque<>();
        private final HttpsServer server;
        volatile Duration delay = Duration.ZERO;

        Receiver(Integer... statuses) throws Exception {
            Collections.addAll(this.statuses, statuses);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(dir().resolve("receiver.p12"))) {
                ks.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD.toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), null, null);
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            server.createContext("/notify", exchange -> {
                try {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    requests.add(new Request(Map.copyOf(exchange.getRequestHeaders()), body, Instant.now()));
                    Thread.sleep(delay.toMillis());
                    Integer status = this.statuses.poll();
                    exchange.sendResponseHeaders(status == null ? 200 : status, -1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    exchange.close();
                }
            });
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
        }

        String url() {
            return "https://localhost:" + server.getAddress().getPort() + "/notify";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
