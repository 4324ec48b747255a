package org.triad.bank.application.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.triad.bank.application.identity.DeviceSessions;
import org.triad.bank.application.identity.DeviceSessionsFixture;
import org.triad.bank.application.support.AuditLog;
import org.triad.bank.domain.model.audit.AuditEvent;
import org.triad.bank.domain.model.audit.AuditRepository;
import org.triad.bank.domain.model.customer.LoginSession;
import org.triad.bank.domain.model.customer.LoginSessionRepository;
import org.triad.bank.domain.model.customer.SessionNotFoundException;
import org.triad.bank.domain.model.identity.RevokedSession;
import org.triad.bank.domain.model.identity.RevokedSessionRepository;
import org.triad.common.security.RevocationList;

/** The customer's own session management: listing with the current one marked, signing out one or all others. */
class AuthenticationSessionsTest {

    private static final long ALICE = 1;
    private static final long BOB = 2;

    private final List<LoginSession> stored = new ArrayList<>();
    private final List<AuditEvent> events = new ArrayList<>();
    private final List<RevokedSession> revokedRows = new ArrayList<>();
    private final RevocationList revocationList = RevocationList.inMemory();
    private Authentication authentication;

    @BeforeEach
    void setUp() {
        authentication = new Authentication();
        authentication.sessions = new LoginSessionRepository() {
            @Override
            public void add(LoginSession session) {
                stored.add(session);
            }

            @Override
            public Optional<LoginSession> findByTokenHash(String tokenHash) {
                return stored.stream().filter(s -> s.hasTokenHash(tokenHash)).findFirst();
            }

            @Override
            public Optional<LoginSession> findByHandle(String handle) {
                return stored.stream().filter(s -> s.handle().equals(handle)).findFirst();
            }

            @Override
            public Optional<LoginSession> find(long id) {
                return stored.stream().filter(s -> s.id() == id).findFirst();
            }

            @Override
            public List<LoginSession> findByCustomer(long customerId) {
                return stored.stream().filter(s -> s.customerId() == customerId)
                        .sorted(Comparator.comparing(LoginSession::createdAt).reversed()).toList();
            }
        };
        authentication.audit = AuditLog.writingTo(new AuditRepository() {
            @Override
            public void add(AuditEvent event) {
                events.add(event);
            }

            @Override
            public List<AuditEvent> find(Long actorId, String action, int offset, int limit) {
                return events;
            }
        });
        // the device sessions behind Authentication, over the same fake tables
        DeviceSessions devices = DeviceSessionsFixture.create(authentication.sessions, authentication.audit,
                new RevokedSessionRepository() {
                    @Override
                    public void add(RevokedSession r) {
                        revokedRows.add(r);
                    }

                    @Override
                    public Optional<RevokedSession> find(String handle) {
                        return revokedRows.stream().filter(r -> r.handle().equals(handle)).findFirst();
                    }

                    @Override
                    public List<RevokedSession> findUnexpired(Instant now) {
                        return revokedRows;
                    }
                }, revocationList);
        authentication.devices = devices;
    }

    private String open(long customerId, String userAgent) {
        return authentication.openSession(customerId, userAgent, "192.0.2.1");
    }

    @Test
    void theCallersOwnSessionIsMarkedCurrent() {
        String laptop = open(ALICE, "Laptop");
        open(ALICE, "Phone");
        open(BOB, "Bob's browser");

        List<Authentication.SessionView> mine = authentication.sessions(ALICE, laptop);

        assertThat(mine).hasSize(2).allMatch(Authentication.SessionView::active);
        assertThat(mine).filteredOn(Authentication.SessionView::current).singleElement()
                .extracting(Authentication.SessionView::userAgent).isEqualTo("Laptop");
        assertThat(authentication.sessions(ALICE)).noneMatch(Authentication.SessionView::current);
    }

    @Test
    void revokingOneSessionRefusesItsTokenAndLeavesTheOthers() {
        String laptop = open(ALICE, "Laptop");
        String phone = open(ALICE, "Phone");
        long phoneId = authentication.sessions(ALICE).stream().filter(s -> "Phone".equals(s.userAgent()))
                .findFirst().orElseThrow().id();

        authentication.revokeSession(ALICE, phoneId);

        assertThat(authentication.verifySession(phone).outcome()).isEqualTo(Authentication.Outcome.INVALID);
        assertThat(stored).filteredOn(s -> s.id() == phoneId).singleElement()
                .satisfies(s -> assertThat(s.revokedAt()).isBeforeOrEqualTo(Instant.now()));
        assertThat(stored).filteredOn(s -> s.id() != phoneId && s.customerId() == ALICE)
                .allMatch(LoginSession::isActive);
        assertThat(authentication.sessions(ALICE, laptop)).filteredOn(Authentication.SessionView::current)
                .singleElement().matches(Authentication.SessionView::active);
        assertThat(events).extracting(AuditEvent::action).contains("SESSION_REVOKED");
        // its handle is on the revocation list every resource server checks, the others are not
        String phoneHandle = stored.stream().filter(s -> s.id() == phoneId).findFirst().orElseThrow().handle();
        assertThat(revocationList.isRevoked(phoneHandle)).isTrue();
        assertThat(stored).filteredOn(s -> s.id() != phoneId)
                .allSatisfy(s -> assertThat(revocationList.isRevoked(s.handle())).isFalse());
    }

    @Test
    void anotherCustomersSessionIsNotFound() {
        open(BOB, "Bob's browser");
        long bobs = stored.get(0).id();

        assertThatThrownBy(() -> authentication.revokeSession(ALICE, bobs)).isInstanceOf(SessionNotFoundException.class);
        assertThat(stored.get(0).isActive()).isTrue();
    }

    @Test
    void signingOutAllOtherSessionsKeepsTheCurrentOneAndOtherCustomers() {
        String laptop = open(ALICE, "Laptop");
        open(ALICE, "Phone");
        open(ALICE, "Tablet");
        open(BOB, "Bob's browser");

        assertThat(authentication.revokeOtherSessions(ALICE, laptop)).isEqualTo(2);
        assertThat(authentication.revokeOtherSessions(ALICE, laptop)).isZero();

        assertThat(authentication.sessions(ALICE, laptop)).filteredOn(Authentication.SessionView::active)
                .singleElement().matches(Authentication.SessionView::current);
        assertThat(authentication.sessions(BOB)).allMatch(Authentication.SessionView::active);
    }
}
