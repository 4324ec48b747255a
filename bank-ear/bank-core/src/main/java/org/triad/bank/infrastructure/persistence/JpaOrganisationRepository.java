package org.triad.bank.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.triad.bank.domain.model.organisation.Department;
import org.triad.bank.domain.model.organisation.DocumentContent;
import org.triad.bank.domain.model.organisation.Invitation;
import org.triad.bank.domain.model.organisation.Membership;
import org.triad.bank.domain.model.organisation.MembershipStatus;
import org.triad.bank.domain.model.organisation.Organisation;
import org.triad.bank.domain.model.organisation.OrganisationRepository;
import org.triad.bank.domain.model.organisation.OrganisationStatus;
import org.triad.bank.domain.model.organisation.OrganisationType;
import org.triad.bank.domain.model.organisation.QualificationDocument;

@ApplicationScoped
public class JpaOrganisationRepository implements OrganisationRepository {

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    @Override
    public void add(Organisation organisation) {
        em.persist(organisation);
        // no mapped relationships between these entities, so EclipseLink does not know the insert order that the
        // foreign keys need: the parent row is written first
        em.flush();
    }

    @Override
    public Optional<Organisation> find(long id) {
        return Optional.ofNullable(em.find(Organisation.class, id));
    }

    @Override
    public Optional<Organisation> lock(long id) {
        return Optional.ofNullable(em.find(Organisation.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public boolean registrationTaken(OrganisationType type, String registrationNumber) {
        return findByRegistration(type, registrationNumber).isPresent();
    }

    @Override
    public Optional<Organisation> findByRegistration(OrganisationType type, String registrationNumber) {
        return em.createQuery("SELECT o FROM Organisation o WHERE o.type = :t AND o.registrationNumber = :n",
                        Organisation.class)
                .setParameter("t", type).setParameter("n", registrationNumber).getResultStream().findFirst();
    }

    @Override
    public List<Organisation> findByStatus(OrganisationStatus status, int offset, int limit) {
        String where = status == null ? "" : " WHERE o.status = :s";
        var query = em.createQuery("SELECT o FROM Organisation o" + where + " ORDER BY o.createdAt, o.id",
                Organisation.class);
        if (status != null) {
            query.setParameter("s", status);
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public List<Membership> activeMembershipsOf(long customerId) {
        return em.createQuery("SELECT m FROM Membership m WHERE m.customerId = :c AND m.status = :s ORDER BY m.id",
                        Membership.class)
                .setParameter("c", customerId).setParameter("s", MembershipStatus.ACTIVE).getResultList();
    }

    @Override
    public void addDocument(QualificationDocument document, DocumentContent content) {
        em.persist(document);
        em.flush();
        em.persist(content);
    }

    @Override
    public List<QualificationDocument> documents(long organisationId) {
        return em.createQuery("SELECT d FROM QualificationDocument d WHERE d.organisationId = :o "
                + "ORDER BY d.uploadedAt, d.id", QualificationDocument.class).setParameter("o", organisationId)
                .getResultList();
    }

    @Override
    public Optional<QualificationDocument> document(long organisationId, long documentId) {
        return Optional.ofNullable(em.find(QualificationDocument.class, documentId))
                .filter(d -> d.organisationId() == organisationId);
    }

    @Override
    public Optional<DocumentContent> content(long documentId) {
        return Optional.ofNullable(em.find(DocumentContent.class, documentId));
    }

    @Override
    public void addDepartment(Department department) {
        em.persist(department);
        em.flush();
    }

    @Override
    public List<Department> departments(long organisationId) {
        return em.createQuery("SELECT d FROM Department d WHERE d.organisationId = :o ORDER BY d.name, d.id",
                Department.class).setParameter("o", organisationId).getResultList();
    }

    @Override
    public Optional<Department> department(long organisationId, long departmentId) {
        return Optional.ofNullable(em.find(Department.class, departmentId))
                .filter(d -> d.organisationId() == organisationId);
    }

    @Override
    public void removeDepartment(Department department) {
        em.remove(department);
    }

    @Override
    public void addMembership(Membership membership) {
        em.persist(membership);
    }

    @Override
    public Optional<Membership> membership(long organisationId, long membershipId) {
        return Optional.ofNullable(em.find(Membership.class, membershipId))
                .filter(m -> m.organisationId() == organisationId);
    }

    @Override
    public Optional<Membership> membershipOf(long organisationId, long customerId) {
        return em.createQuery("SELECT m FROM Membership m WHERE m.organisationId = :o AND m.customerId = :c",
                        Membership.class)
                .setParameter("o", organisationId).setParameter("c", customerId).getResultStream().findFirst();
    }

    @Override
    public List<Membership> memberships(long organisationId) {
        return em.createQuery("SELECT m FROM Membership m WHERE m.organisationId = :o ORDER BY m.createdAt, m.id",
                Membership.class).setParameter("o", organisationId).getResultList();
    }

    @Override
    public void addInvitation(Invitation invitation) {
        em.persist(invitation);
    }

    @Override
    public Optional<Invitation> invitationByTokenHash(String tokenHash) {
        return em.createQuery("SELECT i FROM Invitation i WHERE i.tokenHash = :h", Invitation.class)
                .setParameter("h", tokenHash).getResultStream().findFirst();
    }

    @Override
    public List<Invitation> invitations(long organisationId) {
        return em.createQuery("SELECT i FROM Invitation i WHERE i.organisationId = :o ORDER BY i.createdAt, i.id",
                Invitation.class).setParameter("o", organisationId).getResultList();
    }
}
