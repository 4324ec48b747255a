package org.triad.bank.domain.model.identity;

import java.util.List;
import java.util.Optional;

public interface RefreshTokenRepository {

    void add(RefreshToken token);

    /** The token with this hash, locked for update until the transaction ends (serialises concurrent refreshes). */
    Optional<RefreshToken> findByHashForUpdate(String tokenHash);

    /** The token with this hash, not locked (reads that change nothing, such as introspection). */
    Optional<RefreshToken> findByHash(String tokenHash);

    List<RefreshToken> findBySession(long sessionId);
}
