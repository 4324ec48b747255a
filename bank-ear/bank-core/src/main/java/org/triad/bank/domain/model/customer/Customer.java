package org.triad.bank.domain.model.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.triad.bank.domain.model.shared.Ids;
import org.triad.bank.domain.model.shared.InvalidInputException;
import org.triad.bank.domain.model.shared.InvalidStateException;

/**
 * A person known to the bank. Credentials are stored only as slow hashes computed by the application layer; this
 * class decides what a failed or successful login means (lockout after {@link #MAX_FAILED_LOGINS} failures).
 */
@Entity
@Table(name = "customer")
public class Customer {

    private static final java.util.regex.Pattern E164 = java.util.regex.Pattern.compile("^\\+[1-9][0-9]{6,14}$");

    public static final int MAX_FAILED_LOGINS = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);

    @Id
    private long id;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(nullable = false)
    private String nickname;

    /** E.164, or null. */
    @Column(name = "phone")
    private String phone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CustomerStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "kyc_status", nullable = false)
    private KycStatus kycStatus;

    @Column(name = "kyc_reason")
    private String kycReason;

    @Column(name = "kyc_reviewed_by")
    private Long kycReviewedBy;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "pay_password_hash")
    private String payPasswordHash;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "failed_pay_passwords", nullable = false)
    private int failedPayPasswords;

    @Column(name = "pay_locked_until")
    private Instant payLockedUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Customer() {
    }

    private Customer(String email, String nickname, Role role, String passwordHash, String payPasswordHash,
                     Instant now) {
        this.id = Ids.next();
        this.email = normalizeEmail(email);
        this.nickname = nickname;
        this.role = role;
        this.status = CustomerStatus.UNVERIFIED;
        this.kycStatus = KycStatus.UNREVIEWED;
        this.passwordHash = passwordHash;
        this.payPasswordHash = payPasswordHash;
        this.createdAt = now;
    }

    public static Customer register(String email, String nickname, String passwordHash, String payPasswordHash,
                                    Instant now) {
        return new Customer(email, nickname, Role.CUSTOMER, passwordHash, payPasswordHash, now);
    }

    /** Staff accounts (clerk, admin) sign in with their nickname; they are active and need no KYC. */
    public static Customer staff(String email, String nickname, Role role, String passwordHash, Instant now) {
        Customer staff = new Customer(email, nickname, role, passwordHash, null, now);
        staff.status = CustomerStatus.ACTIVE;
        staff.kycStatus = KycStatus.APPROVED;
        return staff;
    }

    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public void rename(String newNickname) {
        nickname = requireNickname(newNickname);
    }

    /**
     * A nickname as shown to others (a transfer's recipient, the shop): 1 to 64 characters after trimming, none of
     * them a control or format character — no NUL, no right-to-left override or isolate (U+202A–U+202E,
     * U+2066–U+2069), no zero-width characters — with which a name could pass for someone else's.
     *
     * @return the trimmed nickname
     */
    public static String requireNickname(String nickname) {
        String trimmed = nickname == null ? "" : nickname.trim();
        if (trimmed.isEmpty() || trimmed.length() > 64) {
            throw new InvalidInputException("A nickname of 1 to 64 characters is required.");
        }
        boolean hidden = trimmed.codePoints().anyMatch(c -> {
            int type = Character.getType(c);
            return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
        });
        if (hidden) {
            throw new InvalidInputException("A nickname cannot contain control, formatting or direction characters.");
        }
        return trimmed;
    }

    /**
     * Sets the phone number (null or blank removes it). Accepted in international format with optional spaces,
     * dashes, dots and parentheses ("+86 138-0013-8000"), kept as E.164 ("+8613800138000").
     */
    public void changePhone(String newPhone) {
        if (newPhone == null || newPhone.isBlank()) {
            phone = null;
            return;
        }
        String compact = newPhone.strip().replaceAll("[\\s.()\\-]", "");
        if (!E164.matcher(compact).matches()) {
            throw new InvalidInputException(
                    "A phone number in international format is required, e.g. +86 138 0013 8000.");
        }
        phone = compact;
    }

    public String phone() {
        return phone;
    }

    public void activate() {
        if (status == CustomerStatus.ACTIVE) {
            throw new InvalidStateException("The customer is already active.");
        }
        status = CustomerStatus.ACTIVE;
    }

    public void approveKyc(long clerkId) {
        review(KycStatus.APPROVED, null, clerkId);
    }

    public void rejectKyc(String reason, long clerkId) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("A rejection needs a reason.");
        }
        review(KycStatus.REJECTED, reason.trim(), clerkId);
    }

    private void review(KycStatus decision, String reason, long clerkId) {
        if (role != Role.CUSTOMER) {
            throw new InvalidStateException("Staff accounts are not reviewed.");
        }
        if (status != CustomerStatus.ACTIVE) {
            throw new InvalidStateException("The customer has not activated the account yet.");
        }
        kycStatus = decision;
        kycReason = reason;
        kycReviewedBy = clerkId;
    }

    /** Guard for opening cards and moving money. */
    public void requireApproved() {
        if (kycStatus != KycStatus.APPROVED) {
            throw new KycRequiredException("The customer has not been approved by a clerk yet.");
        }
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Counts a wrong password; the {@value #MAX_FAILED_LOGINS}th in a row locks the account for 15 minutes. */
    public void loginFailed(Instant now) {
        if (lockedUntil != null && !now.isBefore(lockedUntil)) {
            lockedUntil = null;
            failedLogins = 0;
        }
        failedLogins++;
        if (failedLogins >= MAX_FAILED_LOGINS) {
            lockedUntil = now.plus(LOCKOUT);
        }
    }

    public boolean isPayPasswordLocked(Instant now) {
        return payLockedUntil != null && now.isBefore(payLockedUntil);
    }

    /** Like logins: the {@value #MAX_FAILED_LOGINS}th wrong pay password in a row blocks payments for 15 minutes. */
    public void payPasswordFailed(Instant now) {
        if (payLockedUntil != null && !now.isBefore(payLockedUntil)) {
            payLockedUntil = null;
            failedPayPasswords = 0;
        }
        failedPayPasswords++;
        if (failedPayPasswords >= MAX_FAILED_LOGINS) {
            payLockedUntil = now.plus(LOCKOUT);
        }
    }

    public void payPasswordSucceeded() {
        failedPayPasswords = 0;
        payLockedUntil = null;
    }

    public void loginSucceeded() {
        failedLogins = 0;
        lockedUntil = null;
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
        loginSucceeded();
    }

    public void changePayPasswordHash(String newHash) {
        this.payPasswordHash = newHash;
        payPasswordSucceeded();
    }

    public long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String nickname() {
        return nickname;
    }

    public Role role() {
        return role;
    }

    public CustomerStatus status() {
        return status;
    }

    public KycStatus kycStatus() {
        return kycStatus;
    }

    public String kycReason() {
        return kycReason;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String payPasswordHash() {
        return payPasswordHash;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** "Z*** Wei" style: first character of the nickname, the rest masked, for showing a transfer recipient. */
    public String maskedName() {
        if (nickname.isEmpty()) {
            return "*";
        }
        int first = nickname.codePointAt(0);
        return new String(Character.toChars(first)) + "*".repeat(Math.max(1, nickname.codePointCount(0, nickname.length()) - 1));
    }
}
