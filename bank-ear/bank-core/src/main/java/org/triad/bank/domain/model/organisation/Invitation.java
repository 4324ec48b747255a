package org.triad.bank.domain.model.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.triad.bank.domain.model.customer.Customer;
import org.triad.bank.domain.model.shared.Ids;

/**
 * An invitation by e-mail into an organisation: the token itself goes only into the mail, the database keeps its
 * SHA-256. Valid {@link #VALIDITY}, used once, and only by the account with the invited address.
 */
@Entity
@Table(name = "org_invitation")
public class Invitation {

    public static final Duration VALIDITY = Duration.ofDays(7);

    @Id
    private long id;

    @Column(name = "organisation_id", nullable = false)
    private long organisationId;

    @Column(nullable = false)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrgRole role;

    @Column(name = "department_id")
    private Long departmentId;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(name = "invited_by", nullable = false)
    private long invitedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "accepted_by")
    private Long acceptedBy;

    @Version
    private long version;

    protected Invitation() {
    }

    public Invitation(long organisationId, String email, OrgRole role, Long departmentId, String tokenHash,
                      long invitedBy, Instant now) {
        this.id = Ids.next();
        this.organisationId = organisationId;
        this.email = Customer.normalizeEmail(email);
        this.role = role;
        this.departmentId = departmentId;
        this.tokenHash = tokenHash;
        this.invitedBy = invitedBy;
        this.createdAt = now.truncatedTo(ChronoUnit.SECONDS);
        this.expiresAt = this.createdAt.plus(VALIDITY);
    }

    /** Marks the invitation used by this customer, after checking it is unused, unexpired and theirs. */
    public void accept(Customer customer, Instant now) {
        if (acceptedAt != null) {
            throw new OrganisationRuleException("invitation-used", 409, "This invitation has been used already.");
        }
        if (!now.isBefore(expiresAt)) {
            throw new OrganisationRuleException("invitation-expired", 410, "This invitation has expired.");
        }
        if (!email.equals(customer.email())) {
            throw new OrganisationRuleException("invitation-for-another-account", 403,
                    "This invitation was sent to another e-mail address; sign in with that account to accept it.");
        }
        acceptedAt = now.truncatedTo(ChronoUnit.SECONDS);
        acceptedBy = customer.id();
    }

    /** The department was deleted (only ever one this invitation no longer waits for). */
    public void forgetDepartment() {
        departmentId = null;
    }

    public boolean isPending(Instant now) {
        return acceptedAt == null && now.isBefore(expiresAt);
    }

    public long id() {
        return id;
    }

    public long organisationId() {
        return organisationId;
    }

    public String email() {
        return email;
    }

    public OrgRole role() {
        return role;
    }

    public Long departmentId() {
        return departmentId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }
}
