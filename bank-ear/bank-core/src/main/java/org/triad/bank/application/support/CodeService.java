package org.triad.bank.application.support;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import org.triad.bank.domain.model.code.CodeCheck;
import org.triad.bank.domain.model.code.CodeFailure;
import org.triad.bank.domain.model.code.CodePurpose;
import org.triad.bank.domain.model.code.CodeRepository;
import org.triad.bank.domain.model.code.OneTimeCode;
import org.triad.bank.domain.model.customer.Customer;

/** Issues one-time codes by email and checks them. */
@Stateless
public class CodeService {

    @Inject
    CodeRepository codes;

    @Inject
    Passwords passwords;

    @EJB
    Outbox outbox;

    @Inject
    AuditLog audit;

    /** A new 6-digit code for the purpose; earlier unused codes for the same purpose and subject stop working. */
    public Instant issue(Customer customer, CodePurpose purpose, String subject) {
        Instant now = Instant.now();
        codes.unused(customer.id(), purpose, subject).forEach(c -> c.supersede(now));
        String code = String.format("%06d", Hashes.random().nextInt(1_000_000));
        OneTimeCode stored = new OneTimeCode(customer.id(), purpose, subject, passwords.hash(code), now);
        codes.add(stored);
        audit.record(customer.id(), "CODE_REQUESTED", purpose.name(), subject.isEmpty() ? null : "subject " + subject);
        outbox.mail(new MailMessage(customer.email(), subjectLine(purpose), body(customer, purpose, code)));
        return stored.expiresAt();
    }

    /**
     * Checks a code in a transaction of its own, so that a wrong attempt is counted even when the calling use case
     * then fails and rolls back: against the code (its attempts) and against the account ({@link CodeFailure}, which
     * a new code does not reset; {@code EmailCodeLogin} limits sign-in codes by it).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public CodeCheck check(long customerId, CodePurpose purpose, String subject, String code) {
        Instant now = Instant.now();
        CodeCheck check = codes.newestForCheck(customerId, purpose, subject)
                .map(c -> c.check(hash -> code != null && code.matches("\\d{6}") && passwords.matches(code, hash), now))
                .orElse(CodeCheck.NOT_REQUESTED);
        if (check == CodeCheck.WRONG) {
            codes.addFailure(new CodeFailure(customerId, purpose, now));
        }
        return check;
    }

    /** How many codes the customer was sent for the purpose within the last {@code window}. */
    public long issuedWithin(long customerId, CodePurpose purpose, java.time.Duration window) {
        return codes.issuedSince(customerId, purpose, Instant.now().minus(window));
    }

    /**
     * When the customer's wrong codes for the purpose drop below {@code max} within {@code window}, or null if they
     * are below it now: with the {@code max}-th newest failure older than the window, fewer than {@code max} remain.
     */
    public Instant blockedUntil(long customerId, CodePurpose purpose, int max, java.time.Duration window) {
        if (max <= 0) {
            return null;
        }
        Instant now = Instant.now();
        java.util.List<Instant> recent = codes.failuresSince(customerId, purpose, now.minus(window), max);
        return recent.size() < max ? null : recent.get(max - 1).plus(window);
    }

    private static String subjectLine(CodePurpose purpose) {
        return switch (purpose) {
            case ACTIVATION -> "Triad Bank: activate your account / 激活您的账户";
            case DEPOSIT -> "Triad Bank: confirm your deposit / 确认存款";
            case TRANSFER -> "Triad Bank: confirm your transfer / 确认转账";
            case CARD_ACTIVATION -> "Triad Bank: activate your card / 激活银行卡";
            case PASSWORD_RESET -> "Triad Bank: reset your password / 重置密码";
            case PAY_PASSWORD -> "Triad Bank: change your pay password / 修改支付密码";
            case LOGIN -> "Triad Bank: your sign-in code / 登录验证码";
            case PAYMENT -> "Triad Bank: confirm your payment / 确认付款";
        };
    }

    private static String body(Customer customer, CodePurpose purpose, String code) {
        return "Hello " + customer.nickname() + ",\n\n"
                + "your Triad Bank code for " + purpose.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + " is: " + code + "\n"
                + "您的验证码：" + code + "\n\n"
                + "It is valid for 10 minutes and can be used once. If you did not ask for it, ignore this mail\n"
                + "and never tell the code to anyone, including bank staff.\n";
    }
}
