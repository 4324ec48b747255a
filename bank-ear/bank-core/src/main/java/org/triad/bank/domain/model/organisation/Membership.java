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
import org.triad.bank.domain.model.shared.Ids;

/** A customer's place in an organisation: role, optional department, ACTIVE or REMOVED. */
@Entity
@Table(name = "org_membership")
public class Membership {

    @Id
    private long id;

    @Column(name = "organisation_id", nullable = false)
    private long organisationId;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrgRole role;

    @Column(name = "department_id")
    private Long departmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MembershipStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Membership() {
    }

    public Membership(long organisationId, long customerId, OrgRole role, Long departmentId, Instant now) {
        this.id = Ids.next();
        this.organisationId = organisationId;
        this.customerId = customerId;
        this.role = role;
        this.departmentId = departmentId;
        this.status = MembershipStatus.ACTIVE;
        this.createdAt = now.truncatedTo(ChronoUnit.SECONDS);
    }

    public boolean isActive() {
        return status == MembershipStatus.ACTIVE;
    }

    public boolean isAdmin() {
        return isActive() && role == OrgRole.ORG_ADMIN;
    }

    /** A removed member who accepts a new invitation comes back with the invitation's role and department. */
    public void rejoin(OrgRole newRole, Long newDepartmentId) {
        if (isActive()) {
            throw new OrganisationRuleException("already-member", 409, "This account is a member already.");
        }
        status = MembershipStatus.ACTIVE;
        role = newRole;
        departmentId = newDepartmentId;
    }

    public void changeRole(OrgRole newRole) {
        role = newRole;
    }

    public void assignDepartment(Long newDepartmentId) {
        departmentId = newDepartmentId;
    }

    public void remove() {
        status = MembershipStatus.REMOVED;
        departmentId = null;
    }

    public long id() {
        return id;
    }

    public long organisationId() {
        return organisationId;
    }

    public long customerId() {
        return customerId;
    }

    public OrgRole role() {
        return role;
    }

    public Long departmentId() {
        return departmentId;
    }

    public MembershipStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
