package org.triad.bank.domain.model.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;
import org.triad.bank.domain.model.shared.Ids;

/**
 * An organisation a customer applied for. It starts {@code PENDING}; a platform reviewer approves it or rejects it
 * with a reason, once. Only an approved organisation manages departments and members.
 */
@Entity
@Table(name = "organisation")
public class Organisation {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 \\-]{4,30}$");

    @Id
    private long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrganisationType type;

    @Column(nullable = false)
    private String name;

    @Column(name = "registration_number", nullable = false)
    private String registrationNumber;

    @Column(name = "contact_name", nullable = false)
    private String contactName;

    @Column(name = "contact_email", nullable = false)
    private String contactEmail;

    @Column(name = "contact_phone", nullable = false)
    private String contactPhone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrganisationStatus status;

    @Column(name = "review_reason")
    private String reviewReason;

    @Column(name = "reviewed_by")
    private Long reviewedBy;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "applicant_id", nullable = false)
    private long applicantId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Organisation() {
    }

    /** Checks every field of an application; the registration number must fit the type. */
    public static Organisation apply(OrganisationType type, String name, String registrationNumber,
                                     String contactName, String contactEmail, String contactPhone, long applicantId,
                                     Instant now) {
        Organisation o = new Organisation();
        o.id = Ids.next();
        o.type = type;
        o.name = text(name, 200, "The organisation name (1 to 200 characters) is required.");
        o.registrationNumber = type.checkRegistrationNumber(registrationNumber);
        o.contactName = text(contactName, 100, "The contact name (1 to 100 characters) is required.");
        String email = contactEmail == null ? "" : contactEmail.trim().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new OrganisationRuleException("invalid-input", 400, "The contact e-mail address is not valid.");
        }
        o.contactEmail = email;
        String phone = contactPhone == null ? "" : contactPhone.trim();
        if (!PHONE.matcher(phone).matches()) {
            throw new OrganisationRuleException("invalid-input", 400,
                    "The contact phone number is 5 to 31 digits, spaces or dashes, optionally after a +.");
        }
        o.contactPhone = phone;
        o.status = OrganisationStatus.PENDING;
        o.applicantId = applicantId;
        o.createdAt = now.truncatedTo(ChronoUnit.SECONDS);
        return o;
    }

    static String text(String value, int max, String message) {
        if (value == null || value.isBlank() || value.trim().length() > max) {
            throw new OrganisationRuleException("invalid-input", 400, message);
        }
        return value.trim();
    }

    public void approve(long reviewerId, Instant now) {
        review(OrganisationStatus.APPROVED, null, reviewerId, now);
    }

    public void reject(String reason, long reviewerId, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new OrganisationRuleException("invalid-input", 400, "A rejection needs a reason.");
        }
        review(OrganisationStatus.REJECTED, text(reason, 500, "The reason is at most 500 characters."), reviewerId, now);
    }

    private void review(OrganisationStatus decision, String reason, long reviewerId, Instant now) {
        if (status != OrganisationStatus.PENDING) {
            throw new OrganisationRuleException("invalid-state", 409, "The application has been reviewed already.");
        }
        status = decision;
        reviewReason = reason;
        reviewedBy = reviewerId;
        reviewedAt = now.truncatedTo(ChronoUnit.SECONDS);
    }

    public boolean isApproved() {
        return status == OrganisationStatus.APPROVED;
    }

    /** Guard for managing departments and members. */
    public void requireApproved() {
        if (status != OrganisationStatus.APPROVED) {
            throw new OrganisationRuleException("organisation-not-approved", 409,
                    "Only an approved organisation can manage departments and members.");
        }
    }

    /** Documents may be added while the application waits for its review. */
    public void requirePending() {
        if (status != OrganisationStatus.PENDING) {
            throw new OrganisationRuleException("invalid-state", 409,
                    "Documents can only be added while the application is pending.");
        }
    }

    public long id() {
        return id;
    }

    public OrganisationType type() {
        return type;
    }

    public String name() {
        return name;
    }

    public String registrationNumber() {
        return registrationNumber;
    }

    public String contactName() {
        return contactName;
    }

    public String contactEmail() {
        return contactEmail;
    }

    public String contactPhone() {
        return contactPhone;
    }

    public OrganisationStatus status() {
        return status;
    }

    public String reviewReason() {
        return reviewReason;
    }

    public Long reviewedBy() {
        return reviewedBy;
    }

    public Instant reviewedAt() {
        return reviewedAt;
    }

    public long applicantId() {
        return applicantId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
