package org.triad.bank.domain.model.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Payments, their refunds, merchants and card references. */
public interface PaymentRepository {

    void add(Payment payment);

    Optional<Payment> findByPublicId(String publicId);

    /** The payment with a pessimistic write lock: every change of state goes through this. */
    Optional<Payment> lockByPublicId(String publicId);

    Optional<Payment> findByIdempotencyKey(long merchantId, String idempotencyKey);

    List<Payment> search(Long merchantId, String merchantOrderId, PaymentStatus status, Long customerId, Instant from,
                         Instant to, int offset, int limit);

    /** Public ids of payments still CREATED whose expiry has passed, oldest first. */
    List<String> dueForExpiry(Instant now, int limit);

    void addRefund(Refund refund);

    Optional<Refund> findRefund(long paymentId, String idempotencyKey);

    List<Refund> refundsOf(long paymentId);

    Optional<Merchant> merchantOfClient(String clientId);

    Optional<Merchant> merchant(long id);

    List<Merchant> merchants(MerchantStatus status);

    void addMerchant(Merchant merchant);

    Optional<CardReference> cardReference(String clientId, long cardId);

    Optional<CardReference> cardReferenceByRef(String ref);

    void addCardReference(CardReference reference);

    /** The display name of the merchant of a payment ({@code pay_…}) or refund ({@code re_…}) reference. */
    Optional<String> merchantNameFor(String reference);
}
