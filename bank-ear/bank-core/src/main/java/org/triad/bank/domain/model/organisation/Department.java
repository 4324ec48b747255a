package org.triad.bank.domain.model.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import org.triad.bank.domain.model.shared.Ids;

/** A node of an organisation's department tree; {@code parentId} null means top level. */
@Entity
@Table(name = "org_department")
public class Department {

    @Id
    private long id;

    @Column(name = "organisation_id", nullable = false)
    private long organisationId;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(nullable = false)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Department() {
    }

    public Department(long organisationId, Long parentId, String name, Instant now) {
        this.id = Ids.next();
        this.organisationId = organisationId;
        this.parentId = parentId;
        this.name = checkName(name);
        this.createdAt = now.truncatedTo(ChronoUnit.SECONDS);
    }

    public static String checkName(String name) {
        return Organisation.text(name, 100, "A department name of 1 to 100 characters is required.");
    }

    public void rename(String newName) {
        this.name = checkName(newName);
    }

    /**
     * Moves this department under {@code newParentId} (null: top level). Refused if the new parent is this
     * department or one of its descendants, which would cut the subtree off into a cycle.
     *
     * @param parents every department of the organisation: id to parent id
     */
    public void moveTo(Long newParentId, Map<Long, Long> parents) {
        for (Long p = newParentId; p != null; p = parents.get(p)) {
            if (p == id) {
                throw new OrganisationRuleException("department-cycle", 409,
                        "A department cannot be moved under itself or one of its sub-departments.");
            }
        }
        this.parentId = newParentId;
    }

    public boolean isSibling(Long otherParentId) {
        return Objects.equals(parentId, otherParentId);
    }

    public long id() {
        return id;
    }

    public long organisationId() {
        return organisationId;
    }

    public Long parentId() {
        return parentId;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
