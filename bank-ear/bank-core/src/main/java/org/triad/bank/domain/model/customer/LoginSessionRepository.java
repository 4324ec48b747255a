package org.triad.bank.domain.model.customer;

import java.util.List;
import java.util.Optional;

public interface LoginSessionRepository {

    void add(LoginSession session);

    Optional<LoginSession> findByTokenHash(String tokenHash);

    List<LoginSession> findByCustomer(long customerId);
}
