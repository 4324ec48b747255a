package org.triad.bank.application.customer;

import java.time.Instant;
import org.triad.bank.domain.model.customer.Customer;

/** What a customer (or a clerk) sees of a customer; no credentials. */
public record CustomerView(long id, String email, String nickname, String phone, String role, String status,
                           String kycStatus, String kycReason, Instant createdAt) {

    public static CustomerView of(Customer c) {
        return new CustomerView(c.id(), c.email(), c.nickname(), c.phone(), c.role().name(), c.status().name(),
                c.kycStatus().name(), c.kycReason(), c.createdAt());
    }
}
