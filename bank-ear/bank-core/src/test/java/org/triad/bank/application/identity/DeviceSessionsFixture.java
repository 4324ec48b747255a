package org.triad.bank.application.identity;

import java.util.List;
import java.util.Optional;
import org.triad.bank.application.support.AuditLog;
import org.triad.bank.domain.model.customer.LoginSessionRepository;
import org.triad.bank.domain.model.identity.RefreshToken;
import org.triad.bank.domain.model.identity.RefreshTokenRepository;
import org.triad.bank.domain.model.identity.RevokedSessionRepository;
import org.triad.common.security.RevocationList;

/** Wires {@link DeviceSessions} over in-memory repositories for unit tests (no container, no grid). */
public final class DeviceSessionsFixture {

    private DeviceSessionsFixture() {
    }

    public static DeviceSessions create(LoginSessionRepository sessions, AuditLog audit,
                                        RevokedSessionRepository revoked, RevocationList revocations) {
        DeviceSessions devices = new DeviceSessions();
        devices.sessions = sessions;
        devices.audit = audit;
        devices.settings = new IdentitySettings();
        devices.revoked = revoked;
        devices.revocations = revocations;
        devices.refreshTokens = new RefreshTokenRepository() {
            @Override
            public void add(RefreshToken token) {
            }

            @Override
            public Optional<RefreshToken> findByHash(String tokenHash) {
                return Optional.empty();
            }

            @Override
            public Optional<RefreshToken> findByHashForUpdate(String tokenHash) {
                return Optional.empty();
            }

            @Override
            public List<RefreshToken> findBySession(long sessionId) {
                return List.of();
            }
        };
        return devices;
    }
}
