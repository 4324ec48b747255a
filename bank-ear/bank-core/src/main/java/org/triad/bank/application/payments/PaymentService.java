package org.triad.bank.application.payments;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.bank.application.banking.CardService;
import org.triad.bank.application.banking.CardView;
import org.triad.bank.application.banking.Confirmation;
import org.triad.bank.application.login.Authentication;
import org.triad.bank.application.payments.internal.PaymentSteps;
import org.triad.bank.application.support.CodeService;
import org.triad.bank.application.support.DatabaseFailures;
import org.triad.bank.application.support.Hashes;
import org.triad.bank.application.support.LockConflicts;
import org.triad.bank.domain.model.card.Card;
import org.triad.bank.domain.model.card.CardRepository;
import org.triad.bank.domain.model.card.CardStatus;
import org.triad.bank.domain.model.code.CodeCheck;
import org.triad.bank.domain.model.code.CodePurpose;
import org.triad.bank.domain.model.customer.Customer;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.customer.PayPasswordLockedException;
import org.triad.bank.domain.model.customer.WrongPayPasswordException;
import org.triad.bank.domain.model.ledger.IdempotencyKey;
import org.triad.bank.domain.model.ledger.LedgerBusyException;
import org.triad.bank.domain.model.money.Money;
import org.triad.bank.domain.model.payment.Merchant;
import org.triad.bank.domain.model.payment.Payee;
import org.triad.bank.domain.model.payment.Payment;
import org.triad.bank.domain.model.payment.PaymentRepository;
import org.triad.bank.domain.model.payment.PaymentRuleException;
import org.triad.bank.domain.model.payment.PaymentStatus;

/**
 * The payment rail's entry point, for merchants (create, read, cancel, refund) and for buyers at the cashier (view,
 * code, pay). Runs without a transaction of its own: a request is checked completely before anything is stored (so
 * a refused request does not use up its idempotency key), confirmations are checked in their own transactions, and
 * each step of {@link PaymentSteps} runs in a new transaction, retried on lock conflicts. The race of two identical
 * creates or refunds is settled by the unique key: the loser answers the winner's resource.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentService {

    public static final long DEFAULT_EXPIRY_SECONDS = 30 * 60;
    public static final long MAX_EXPIRY_SECONDS = 24 * 60 * 60;
    public static final long MIN_EXPIRY_SECONDS = 60;
    public static final int MAX_METADATA = 2000;

    @EJB
    PaymentSteps steps;

    @EJB
    CardReferences references;

    @Inject
    PaymentRepository payments;

    @Inject
    CardRepository cards;

    @Inject
    CustomerRepository customers;

    @EJB
    CodeService codes;

    @EJB
    Authentication authentication;

    @EJB
    CardService cardService;

    @Inject
    @ConfigProperty(name = "triad.bank.public-url", defaultValue = "https://localhost:9443/bank")
    String publicUrl;

    /** The approved merchant of an app, or {@code 403 merchant-not-approved}. */
    public Merchant merchant(String clientId) {
        return payments.merchantOfClient(clientId).filter(Merchant::isApproved)
                .orElseThrow(() -> new PaymentRuleException("merchant-not-approved", 403,
                        "This app is not an approved merchant."));
    }

    public PaymentView create(String clientId, NewPayment request, String idempotencyKey) {
        Merchant merchant = merchant(clientId);
        String key = IdempotencyKey.require(idempotencyKey);
        String hash = fingerprint(request);
        Optional<PaymentView> earlier = replay(merchant, key, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (request == null) {
            throw PaymentRuleException.invalid("A JSON request body is required.");
        }
        if (request.currency() != null && !Money.CURRENCY.equals(request.currency())) {
            throw PaymentRuleException.invalid("The currency must be " + Money.CURRENCY + ".");
        }
        if (request.payees() == null || request.payees().isEmpty() || request.payees().size() > Payment.MAX_PAYEES) {
            throw PaymentRuleException.invalid("A payment has 1 to " + Payment.MAX_PAYEES + " payees.");
        }
        List<Payee> payees = new ArrayList<>();
        for (NewPayment.Payee p : request.payees()) {
            if (p == null) {
                throw PaymentRuleException.invalid("A payee is missing.");
            }
            payees.add(new Payee(payeeCard(merchant, p.cardRef()), "settlement".equals(p.cardRef()) ? null : p.cardRef(),
                    Money.parsePositive(p.amount()), p.merchantOrderId(), p.description()));
        }
        Money total = Money.parsePositive(request.total());
        long expiresIn = request.expiresIn() == null ? DEFAULT_EXPIRY_SECONDS : request.expiresIn();
        if (expiresIn < MIN_EXPIRY_SECONDS || expiresIn > MAX_EXPIRY_SECONDS) {
            throw PaymentRuleException.invalid("expires_in is " + MIN_EXPIRY_SECONDS + " to " + MAX_EXPIRY_SECONDS
                    + " seconds.");
        }
        if (!merchant.allowsReturnTo(request.returnUrl())) {
            throw new PaymentRuleException("return-url-not-allowed", 422,
                    "The return URL does not start with one of the merchant's registered prefixes.");
        }
        if (request.metadata() != null && request.metadata().length() > MAX_METADATA) {
            throw PaymentRuleException.invalid("metadata has at most " + MAX_METADATA + " characters.");
        }
        Long buyerId = buyer(request.buyer());
        Instant expiresAt = Instant.now().plusSeconds(expiresIn).truncatedTo(ChronoUnit.SECONDS);
        try {
            Payment created = LockConflicts.retry(() -> steps.create(merchant, payees, total, buyerId,
                    request.returnUrl(), request.metadata(), key, hash, expiresAt));
            return PaymentView.of(created, merchant, publicUrl);
        } catch (RuntimeException e) {
            if (DatabaseFailures.isUniqueViolation(e)) {
                return replay(merchant, key, hash).orElseThrow(() -> e);
            }
            throw busyOr(e);
        }
    }

    public PaymentView get(String clientId, String publicId) {
        Merchant merchant = merchant(clientId);
        Payment payment = payments.findByPublicId(publicId == null ? "" : publicId)
                .filter(p -> p.merchantId() == merchant.id()).orElseThrow(PaymentRuleException::notFound);
        return PaymentView.of(payment, merchant, publicUrl);
    }

    public List<PaymentView> list(String clientId, String merchantOrderId, PaymentStatus status, Instant from,
                                  Instant to, int offset, int limit) {
        Merchant merchant = merchant(clientId);
        return payments.search(merchant.id(), merchantOrderId, status, null, from, to, Math.max(0, offset),
                        Math.min(Math.max(1, limit), 100)).stream()
                .map(p -> PaymentView.of(p, merchant, publicUrl)).toList();
    }

    public PaymentView cancel(String clientId, String publicId) {
        Merchant merchant = merchant(clientId);
        try {
            return PaymentView.of(LockConflicts.retry(() -> steps.cancel(merchant, publicId, publicUrl)), merchant,
                    publicUrl);
        } catch (RuntimeException e) {
            throw busyOr(e);
        }
    }

    /** A refund of {@code amounts} (merchant order id → amount) of a paid payment. */
    public RefundView refund(String clientId, String publicId, Map<String, BigDecimal> amounts, String idempotencyKey) {
        Merchant merchant = merchant(clientId);
        String key = IdempotencyKey.require(idempotencyKey);
        if (amounts == null || amounts.isEmpty() || amounts.size() > Payment.MAX_PAYEES) {
            throw PaymentRuleException.invalid("A refund names 1 to " + Payment.MAX_PAYEES + " lines.");
        }
        Map<String, Money> parts = new LinkedHashMap<>();
        amounts.forEach((order, amount) -> parts.put(order, Money.parsePositive(amount)));
        String hash = Hashes.sha256Hex("refund|" + publicId + "|" + parts.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(",")));
        try {
            return LockConflicts.retry(() -> steps.refund(merchant, publicId, key, hash, parts, publicUrl));
        } catch (RuntimeException e) {
            if (DatabaseFailures.isUniqueViolation(e)) {
                return LockConflicts.retry(() -> steps.refund(merchant, publicId, key, hash, parts, publicUrl));
            }
            throw busyOr(e);
        }
    }

    public List<RefundView> refunds(String clientId, String publicId) {
        Merchant merchant = merchant(clientId);
        Payment payment = payments.findByPublicId(publicId == null ? "" : publicId)
                .filter(p -> p.merchantId() == merchant.id()).orElseThrow(PaymentRuleException::notFound);
        return payments.refundsOf(payment.id()).stream().map(r -> RefundView.of(r, publicId)).toList();
    }

    // ---- the cashier ----

    /** The payment as the buyer sees it at the cashier; another customer than a named buyer gets 404. */
    public PaymentView forBuyer(long customerId, String publicId) {
        Payment payment = payments.findByPublicId(publicId == null ? "" : publicId)
                .orElseThrow(PaymentRuleException::notFound);
        if (payment.buyerId() != null && payment.buyerId() != customerId) {
            throw PaymentRuleException.notFound();
        }
        Merchant merchant = payments.merchant(payment.merchantId()).orElseThrow(PaymentRuleException::notFound);
        return PaymentView.of(payment, merchant, publicUrl);
    }

    /** The buyer's active cards to pay with. */
    public List<CardView> cardsToPayWith(long customerId) {
        return cardService.cardsOf(customerId).stream().filter(c -> CardStatus.ACTIVE.name().equals(c.status()))
                .toList();
    }

    /** Mails the buyer a PAYMENT code for this payment (only while it can be paid by them). */
    public Instant requestCode(long customerId, String publicId) {
        requirePayable(customerId, publicId);
        Customer customer = customers.find(customerId).orElseThrow(PaymentRuleException::notFound);
        customer.requireApproved();
        return codes.issue(customer, CodePurpose.PAYMENT, publicId);
    }

    /**
     * Pays the payment with one of the buyer's cards, confirmed by pay password and the PAYMENT code. Checks first
     * what can be checked without using up a confirmation (state, expiry, buyer, card, balance), then the
     * confirmations, then settles it in one transaction that checks everything again under lock. A second
     * confirmation of a paid payment gets {@code 409 payment-not-payable}; nothing is charged twice.
     */
    public PaymentView pay(long customerId, String publicId, long cardId, Confirmation confirmation) {
        Payment payment = requirePayable(customerId, publicId);
        Customer customer = customers.find(customerId).orElseThrow(PaymentRuleException::notFound);
        customer.requireApproved();
        Card card = cards.find(cardId).filter(c -> c.isOwnedBy(customerId))
                .orElseThrow(() -> new org.triad.bank.domain.model.card.CardNotFoundException("No such card."));
        card.requireActive();
        if (card.balance().isLessThan(payment.total())) {
            throw new org.triad.bank.domain.model.card.InsufficientFundsException("The balance of card "
                    + card.number().masked() + " is not sufficient.");
        }
        switch (authentication.verifyPayPassword(customerId, confirmation.payPassword())) {
            case OK -> { }
            case WRONG -> throw new WrongPayPasswordException("The pay password is wrong.");
            case LOCKED -> throw new PayPasswordLockedException(
                    "Too many wrong pay passwords; payments are blocked for 15 minutes.");
        }
        CodeCheck check = codes.check(customerId, CodePurpose.PAYMENT, publicId, confirmation.emailCode());
        if (!check.accepted()) {
            requirePayable(customerId, publicId); // a twin that won says "already paid", not "wrong code"
            throw check.toException();
        }
        try {
            Payment paid = LockConflicts.retry(() -> steps.pay(customerId, publicId, cardId, publicUrl));
            return PaymentView.of(paid, payments.merchant(paid.merchantId()).orElseThrow(), publicUrl);
        } catch (RuntimeException e) {
            throw busyOr(e);
        }
    }

    /** Expires what is due; each payment in its own transaction. */
    public int expireDue(int limit) {
        int expired = 0;
        for (String id : payments.dueForExpiry(Instant.now(), limit)) {
            try {
                if (LockConflicts.retry(() -> steps.expire(id, publicUrl))) {
                    expired++;
                }
            } catch (RuntimeException e) {
                java.util.logging.Logger.getLogger(PaymentService.class.getName())
                        .log(java.util.logging.Level.WARNING, "Could not expire payment " + id, e);
            }
        }
        return expired;
    }

    private Payment requirePayable(long customerId, String publicId) {
        Payment payment = payments.findByPublicId(publicId == null ? "" : publicId)
                .orElseThrow(PaymentRuleException::notFound);
        payment.requirePayableBy(customerId, Instant.now());
        return payment;
    }

    private Optional<PaymentView> replay(Merchant merchant, String key, String hash) {
        return payments.findByIdempotencyKey(merchant.id(), key).map(p -> {
            if (!p.matches(hash)) {
                // never another request's data in the answer
                throw new PaymentRuleException("idempotency-key-reused", 422,
                        "This Idempotency-Key was already used for a different payment.");
            }
            return PaymentView.of(p, merchant, publicUrl).asReplay();
        });
    }

    private long payeeCard(Merchant merchant, String cardRef) {
        if ("settlement".equals(cardRef)) {
            return merchant.settlementCardId();
        }
        long cardId = references.cardOf(merchant.clientId(), cardRef).orElseThrow(() -> new PaymentRuleException(
                "unknown-card-ref", 422, "Unknown card_ref: use a reference your app read with cards:read, or"
                + " \"settlement\"."));
        if (cards.find(cardId).filter(c -> c.status() == CardStatus.ACTIVE).isEmpty()) {
            throw new PaymentRuleException("payee-not-available", 422, "A payee's card cannot receive money.");
        }
        return cardId;
    }

    private Long buyer(String sub) {
        if (sub == null || sub.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(sub);
            return customers.find(id).map(Customer::id).orElseThrow(() -> PaymentRuleException.invalid("Unknown buyer."));
        } catch (NumberFormatException e) {
            throw PaymentRuleException.invalid("buyer is the bank sub of the customer.");
        }
    }

    /** Same request, same hash: what the merchant asked for, in a canonical form. */
    static String fingerprint(NewPayment r) {
        if (r == null) {
            return "";
        }
        StringBuilder s = new StringBuilder("payment|").append(r.buyer()).append('|').append(plain(r.total()))
                .append('|').append(r.currency()).append('|').append(r.expiresIn()).append('|')
                .append(r.returnUrl()).append('|').append(r.metadata());
        if (r.payees() != null) {
            for (NewPayment.Payee p : r.payees()) {
                s.append("|").append(p == null ? "-" : p.cardRef() + ":" + plain(p.amount()) + ":" + p.merchantOrderId()
                        + ":" + p.description());
            }
        }
        return Hashes.sha256Hex(s.toString());
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "null" : amount.stripTrailingZeros().toPlainString();
    }

    private static RuntimeException busyOr(RuntimeException e) {
        return DatabaseFailures.isTransient(e) ? new LedgerBusyException() : e;
    }
}
