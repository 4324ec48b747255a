package org.triad.bank.domain.model.oauth;

import java.util.List;
import java.util.Optional;

/** Apps, consents and authorization codes. */
public interface OAuthRepository {

    void add(OAuthClient client);

    Optional<OAuthClient> findClient(long id);

    /** A not deleted app by its public client_id. */
    Optional<OAuthClient> findByClientId(String clientId);

    /**
     * Not deleted apps the customer manages: their personal ones (no organisation) and those of the given
     * organisations, newest first.
     */
    List<OAuthClient> findManagedBy(long ownerId, java.util.Collection<Long> organisationIds);

    /** Not deleted apps with the given status, oldest first. */
    List<OAuthClient> findByStatus(ClientStatus status);

    void add(Consent consent);

    Optional<Consent> findActiveConsent(long customerId, long clientPk);

    List<Consent> findActiveConsents(long customerId);

    void add(AuthorizationCode code);

    /** Deletes codes that expired before the given instant; how many. */
    int deleteCodesExpiredBefore(java.time.Instant instant);

    /** The code row locked for update (a concurrent second redemption waits and then sees it used). */
    Optional<AuthorizationCode> findCodeForUpdate(String codeHash);
}
