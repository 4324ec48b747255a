package org.triad.bank.domain.model.customer;

import java.util.List;
import java.util.Optional;

public interface LoginSessionRepository {

    void add(LoginSession session);

    Optional<LoginSession> findByTokenHash(String tokenHash);

    Optional<LoginSession> findByHandle(String handle);

    Optional<LoginSession> find(long id);

    /** The customer's sessions, newest first. */
    List<LoginSession> findByCustomer(long customerId);
}
