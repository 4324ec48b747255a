package org.triad.bank.domain.model.organisation;

import java.util.List;
import java.util.Optional;

/** Organisations and the parts that belong to exactly one of them (documents, departments, members, invitations). */
public interface OrganisationRepository {

    void add(Organisation organisation);

    Optional<Organisation> find(long id);

    /** The organisation row locked for the rest of the transaction: serialises tree and membership changes. */
    Optional<Organisation> lock(long id);

    boolean registrationTaken(OrganisationType type, String registrationNumber);

    Optional<Organisation> findByRegistration(OrganisationType type, String registrationNumber);

    List<Organisation> findByStatus(OrganisationStatus status, int offset, int limit);

    /** Organisations in which the customer has an active membership, with that membership. */
    List<Membership> activeMembershipsOf(long customerId);

    void addDocument(QualificationDocument document, DocumentContent content);

    List<QualificationDocument> documents(long organisationId);

    Optional<QualificationDocument> document(long organisationId, long documentId);

    Optional<DocumentContent> content(long documentId);

    void addDepartment(Department department);

    List<Department> departments(long organisationId);

    Optional<Department> department(long organisationId, long departmentId);

    void removeDepartment(Department department);

    void addMembership(Membership membership);

    Optional<Membership> membership(long organisationId, long membershipId);

    Optional<Membership> membershipOf(long organisationId, long customerId);

    List<Membership> memberships(long organisationId);

    void addInvitation(Invitation invitation);

    Optional<Invitation> invitationByTokenHash(String tokenHash);

    List<Invitation> invitations(long organisationId);
}
