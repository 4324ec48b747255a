package org.triad.bank.domain.model.login;

import java.util.List;
import java.util.Optional;

/** Customers' passkeys. */
public interface PasskeyRepository {

    void add(Passkey passkey);

    void remove(Passkey passkey);

    /** By the SHA-256 (hex) of the credential id, locked: the counter check and update are one step. */
    Optional<Passkey> lockByCredentialHash(String credentialHash);

    boolean existsByCredentialHash(String credentialHash);

    /** The customer's passkeys, oldest first. */
    List<Passkey> findByCustomer(long customerId);
}
