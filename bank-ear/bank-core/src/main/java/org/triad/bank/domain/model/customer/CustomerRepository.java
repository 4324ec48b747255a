package org.triad.bank.domain.model.customer;

import java.util.List;
import java.util.Optional;

public interface CustomerRepository {

    Optional<Customer> find(long id);

    /** Finds a customer by email, or a staff member by email or nickname (their sign-in name). */
    Optional<Customer> findByLogin(String login);

    Optional<Customer> findByEmail(String email);

    List<Customer> search(KycStatus kycStatus, String text, int offset, int limit);

    void add(Customer customer);
}
