package org.triad.bank.application.organisation;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.bank.application.organisation.OrganisationViews.DepartmentView;
import org.triad.bank.application.organisation.OrganisationViews.DocumentDownload;
import org.triad.bank.application.organisation.OrganisationViews.DocumentView;
import org.triad.bank.application.organisation.OrganisationViews.Invited;
import org.triad.bank.application.organisation.OrganisationViews.MemberView;
import org.triad.bank.application.organisation.OrganisationViews.OrganisationView;
import org.triad.bank.application.support.AuditLog;
import org.triad.bank.application.support.Hashes;
import org.triad.bank.application.support.MailMessage;
import org.triad.bank.application.support.Outbox;
import org.triad.bank.domain.model.customer.Customer;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.customer.CustomerStatus;
import org.triad.bank.domain.model.customer.Role;
import org.triad.bank.domain.model.organisation.Department;
import org.triad.bank.domain.model.organisation.DocumentContent;
import org.triad.bank.domain.model.organisation.DocumentFormat;
import org.triad.bank.domain.model.organisation.Invitation;
import org.triad.bank.domain.model.organisation.Membership;
import org.triad.bank.domain.model.organisation.OrgRole;
import org.triad.bank.domain.model.organisation.Organisation;
import org.triad.bank.domain.model.organisation.OrganisationNotFoundException;
import org.triad.bank.domain.model.organisation.OrganisationRepository;
import org.triad.bank.domain.model.organisation.OrganisationRuleException;
import org.triad.bank.domain.model.organisation.OrganisationStatus;
import org.triad.bank.domain.model.organisation.OrganisationType;
import org.triad.bank.domain.model.organisation.QualificationDocument;
import org.triad.bank.domain.model.shared.NotPermittedException;

/**
 * Organisations: applications and their review, qualification documents, departments, members and invitations.
 * Isolation is enforced here, whatever the web layer checked: every method takes the acting customer and checks
 * an active membership (and for changes the ORG_ADMIN role) in <em>that</em> organisation. Someone without one
 * gets {@code organisation-not-found} (404), exactly as for an organisation that does not exist; a department,
 * member or document id of another organisation is answered like a missing one. Reviewers are the bank's clerks
 * and admins. Every change writes an audit event in its transaction; every domain exception rolls it back.
 */
@Stateless
public class OrganisationService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Inject
    OrganisationRepository organisations;

    @Inject
    CustomerRepository customers;

    @Inject
    AuditLog audit;

    @EJB
    Outbox outbox;

    @Inject
    @ConfigProperty(name = "triad.bank.public-url", defaultValue = "https://localhost:9443/bank")
    String publicUrl;

    // --- applying ---------------------------------------------------------------------------------

    /** A customer applies; the applicant becomes the organisation's first ORG_ADMIN (it stays PENDING). */
    public OrganisationView apply(long actorId, String type, String name, String registrationNumber,
                                  String contactName, String contactEmail, String contactPhone) {
        Customer applicant = customers.find(actorId).orElseThrow(OrganisationNotFoundException::organisation);
        if (applicant.role() != Role.CUSTOMER || applicant.status() != CustomerStatus.ACTIVE) {
            throw new NotPermittedException("Only active customers apply for organisations.");
        }
        Instant now = Instant.now();
        Organisation organisation = Organisation.apply(OrganisationType.parse(type), name, registrationNumber,
                contactName, contactEmail, contactPhone, actorId, now);
        if (organisations.registrationTaken(organisation.type(), organisation.registrationNumber())) {
            throw new OrganisationRuleException("registration-number-taken", 409,
                    "An organisation of this type with this registration number exists already.");
        }
        organisations.add(organisation);
        organisations.addMembership(new Membership(organisation.id(), actorId, OrgRole.ORG_ADMIN, null, now));
        audit.record(actorId, "ORG_APPLIED", subject(organisation.id()),
                organisation.type() + " " + organisation.registrationNumber());
        return OrganisationView.of(organisation, OrgRole.ORG_ADMIN.name());
    }

    /**
     * Applies with at least one qualification document, all in one transaction: a refused document leaves no
     * application behind (the portal's form).
     */
    public OrganisationView applyWithDocuments(long actorId, String type, String name, String registrationNumber,
                                               String contactName, String contactEmail, String contactPhone,
                                               List<OrganisationViews.NewDocument> documents) {
        if (documents == null || documents.isEmpty()) {
            throw new OrganisationRuleException("documents-missing", 400,
                    "At least one qualification document (PDF, PNG or JPEG) is required.");
        }
        OrganisationView created = apply(actorId, type, name, registrationNumber, contactName, contactEmail,
                contactPhone);
        for (OrganisationViews.NewDocument d : documents) {
            addDocument(actorId, created.id(), d.fileName(), d.content());
        }
        return created;
    }

    /** Adds a qualification document to a pending application (its administrators only). */
    public DocumentView addDocument(long actorId, long organisationId, String fileName, byte[] content) {
        Access access = admin(actorId, organisationId);
        access.organisation().requirePending();
        DocumentFormat format = DocumentFormat.check(content);
        QualificationDocument document = new QualificationDocument(organisationId, fileName, format, content.length,
                sha256(content), actorId, Instant.now());
        organisations.addDocument(document, new DocumentContent(document.id(), content));
        audit.record(actorId, "ORG_DOCUMENT_UPLOADED", subject(organisationId),
                "document " + document.id() + " " + format + " sha256 " + document.sha256());
        return DocumentView.of(document);
    }

    // --- reading ----------------------------------------------------------------------------------

    public List<OrganisationView> mine(long actorId) {
        List<OrganisationView> mine = new ArrayList<>();
        for (Membership m : organisations.activeMembershipsOf(actorId)) {
            organisations.find(m.organisationId()).ifPresent(o -> mine.add(OrganisationView.of(o, m.role().name())));
        }
        return mine;
    }

    public OrganisationView get(long actorId, long organisationId) {
        Access access = member(actorId, organisationId);
        return OrganisationView.of(access.organisation(), access.membership().role().name());
    }

    public List<DocumentView> documents(long actorId, long organisationId) {
        admin(actorId, organisationId);
        return organisations.documents(organisationId).stream().map(DocumentView::of).toList();
    }

    public DocumentDownload download(long actorId, long organisationId, long documentId) {
        admin(actorId, organisationId);
        return downloadOf(organisationId, documentId);
    }

    public List<DepartmentView> departments(long actorId, long organisationId) {
        member(actorId, organisationId);
        return departmentViews(organisationId);
    }

    public List<MemberView> members(long actorId, long organisationId) {
        member(actorId, organisationId);
        List<MemberView> rows = new ArrayList<>();
        for (Membership m : organisations.memberships(organisationId)) {
            if (m.isActive()) {
                Customer c = customers.find(m.customerId()).orElseThrow();
                rows.add(new MemberView(m.id(), c.id(), c.email(), c.nickname(), m.role().name(), m.departmentId(),
                        m.status().name(), m.createdAt(), null));
            }
        }
        Instant now = Instant.now();
        for (Invitation i : organisations.invitations(organisationId)) {
            if (i.isPending(now)) {
                rows.add(invitationView(i));
            }
        }
        return rows;
    }

    // --- departments ------------------------------------------------------------------------------

    public DepartmentView createDepartment(long actorId, long organisationId, Long parentId, String name) {
        managingAdmin(actorId, organisationId);
        String checked = Department.checkName(name);
        if (parentId != null) {
            department(organisationId, parentId);
        }
        requireUniqueAmongSiblings(organisationId, parentId, checked, null);
        Department department = new Department(organisationId, parentId, checked, Instant.now());
        organisations.addDepartment(department);
        audit.record(actorId, "ORG_DEPARTMENT_CREATED", subject(organisationId),
                "department " + department.id() + " under " + parentId);
        return DepartmentView.of(department, 0);
    }

    /** Renames and/or moves a department ({@code parentId} null: top level). */
    public DepartmentView updateDepartment(long actorId, long organisationId, long departmentId, String name,
                                           Long parentId) {
        managingAdmin(actorId, organisationId);
        Department department = department(organisationId, departmentId);
        String newName = name == null ? department.name() : Department.checkName(name);
        if (parentId != null) {
            department(organisationId, parentId);
        }
        Map<Long, Long> parents = new HashMap<>();
        for (Department d : organisations.departments(organisationId)) {
            parents.put(d.id(), d.parentId());
        }
        department.moveTo(parentId, parents);
        requireUniqueAmongSiblings(organisationId, parentId, newName, departmentId);
        department.rename(newName);
        audit.record(actorId, "ORG_DEPARTMENT_UPDATED", subject(organisationId),
                "department " + departmentId + " under " + parentId);
        return DepartmentView.of(department, membersIn(organisationId, departmentId));
    }

    /** Deletes a department that has no sub-departments, no members and no pending invitations. */
    public void deleteDepartment(long actorId, long organisationId, long departmentId) {
        managingAdmin(actorId, organisationId);
        Department department = department(organisationId, departmentId);
        boolean hasChildren = organisations.departments(organisationId).stream()
                .anyMatch(d -> Objects.equals(d.parentId(), departmentId));
        Instant now = Instant.now();
        boolean invited = organisations.invitations(organisationId).stream()
                .anyMatch(i -> i.isPending(now) && Objects.equals(i.departmentId(), departmentId));
        if (hasChildren || invited || membersIn(organisationId, departmentId) > 0) {
            throw new OrganisationRuleException("department-not-empty", 409,
                    "Only a department without sub-departments, members or pending invitations can be deleted.");
        }
        organisations.invitations(organisationId).stream()
                .filter(i -> Objects.equals(i.departmentId(), departmentId)).forEach(Invitation::forgetDepartment);
        organisations.removeDepartment(department);
        audit.record(actorId, "ORG_DEPARTMENT_DELETED", subject(organisationId), "department " + departmentId);
    }

    // --- members ----------------------------------------------------------------------------------

    /** Invites an e-mail address; the mail carries a link with a single-use token valid 7 days. */
    public Invited invite(long actorId, long organisationId, String email, String role, Long departmentId) {
        Access access = managingAdmin(actorId, organisationId);
        String address = Customer.normalizeEmail(email);
        if (address == null || address.length() > 254 || !EMAIL.matcher(address).matches()) {
            throw new OrganisationRuleException("invalid-input", 400, "A valid e-mail address is required.");
        }
        OrgRole orgRole = OrgRole.parse(role == null ? OrgRole.MEMBER.name() : role);
        if (departmentId != null) {
            department(organisationId, departmentId);
        }
        customers.findByEmail(address).flatMap(c -> organisations.membershipOf(organisationId, c.id()))
                .filter(Membership::isActive).ifPresent(m -> {
                    throw new OrganisationRuleException("already-member", 409, "This account is a member already.");
                });
        String token = Hashes.randomToken();
        Invitation invitation = new Invitation(organisationId, address, orgRole, departmentId,
                Hashes.sha256Hex(token), actorId, Instant.now());
        organisations.addInvitation(invitation);
        audit.record(actorId, "ORG_MEMBER_INVITED", subject(organisationId),
                "invitation " + invitation.id() + " " + orgRole);
        String link = publicUrl + "/portal/organisation-invitation.xhtml?token=" + token;
        String org = access.organisation().name();
        outbox.mail(new MailMessage(address, "Triad Bank: invitation to join " + org + " / 加入组织邀请",
                "You have been invited to join " + org + " on Triad Bank as " + orgRole + ".\n"
                        + "您被邀请加入 " + org + "。\n\n"
                        + "Sign in with this e-mail address and open / 使用本邮箱地址登录后打开:\n" + link + "\n\n"
                        + "The invitation is valid for 7 days and can be used once. / 邀请 7 天内有效，仅可使用一次。\n"
                        + "API clients: POST /api/v1/organisations/invitations/accept with {\"token\": \"" + token
                        + "\"}\n"));
        return new Invited(invitationView(invitation), token);
    }

    /** The signed-in customer accepts an invitation addressed to their own e-mail address. */
    public OrganisationView accept(long actorId, String token) {
        Customer customer = customers.find(actorId).orElseThrow(OrganisationNotFoundException::organisation);
        Invitation invitation = token == null || token.isBlank() ? null
                : organisations.invitationByTokenHash(Hashes.sha256Hex(token.trim())).orElse(null);
        if (invitation == null) {
            throw new OrganisationNotFoundException("invitation-not-found", "No such invitation.");
        }
        Organisation organisation = organisations.lock(invitation.organisationId()).orElseThrow();
        Instant now = Instant.now();
        invitation.accept(customer, now);
        Membership membership = organisations.membershipOf(organisation.id(), actorId).orElse(null);
        if (membership == null) {
            membership = new Membership(organisation.id(), actorId, invitation.role(), invitation.departmentId(), now);
            organisations.addMembership(membership);
        } else {
            membership.rejoin(invitation.role(), invitation.departmentId());
        }
        audit.record(actorId, "ORG_INVITATION_ACCEPTED", subject(organisation.id()),
                "invitation " + invitation.id() + " member " + membership.id());
        return OrganisationView.of(organisation, membership.role().name());
    }

    /** Changes a member's role and department; the last ORG_ADMIN cannot be demoted. */
    public MemberView changeMember(long actorId, long organisationId, long memberId, String role, Long departmentId) {
        managingAdmin(actorId, organisationId);
        Membership member = activeMember(organisationId, memberId);
        OrgRole newRole = role == null ? member.role() : OrgRole.parse(role);
        if (departmentId != null) {
            department(organisationId, departmentId);
        }
        if (member.role() == OrgRole.ORG_ADMIN && newRole != OrgRole.ORG_ADMIN) {
            requireAnotherAdmin(organisationId);
        }
        member.changeRole(newRole);
        member.assignDepartment(departmentId);
        audit.record(actorId, "ORG_MEMBER_CHANGED", subject(organisationId),
                "member " + memberId + " " + newRole + " department " + departmentId);
        Customer c = customers.find(member.customerId()).orElseThrow();
        return new MemberView(member.id(), c.id(), c.email(), c.nickname(), newRole.name(), member.departmentId(),
                member.status().name(), member.createdAt(), null);
    }

    /** Removes a member (also oneself); the last ORG_ADMIN cannot be removed. */
    public void removeMember(long actorId, long organisationId, long memberId) {
        managingAdmin(actorId, organisationId);
        Membership member = activeMember(organisationId, memberId);
        if (member.role() == OrgRole.ORG_ADMIN) {
            requireAnotherAdmin(organisationId);
        }
        member.remove();
        audit.record(actorId, "ORG_MEMBER_REMOVED", subject(organisationId), "member " + memberId);
    }

    // --- review (platform staff) ------------------------------------------------------------------

    public List<OrganisationView> reviewQueue(long reviewerId, String status, int offset, int limit) {
        requireReviewer(reviewerId);
        OrganisationStatus s = status == null || status.isBlank() ? null : parseStatus(status);
        return organisations.findByStatus(s, offset, limit).stream().map(o -> OrganisationView.of(o, null)).toList();
    }

    public OrganisationView review(long reviewerId, long organisationId) {
        requireReviewer(reviewerId);
        return OrganisationView.of(organisation(organisationId), null);
    }

    public List<DocumentView> reviewDocuments(long reviewerId, long organisationId) {
        requireReviewer(reviewerId);
        organisation(organisationId);
        return organisations.documents(organisationId).stream().map(DocumentView::of).toList();
    }

    public DocumentDownload reviewDownload(long reviewerId, long organisationId, long documentId) {
        requireReviewer(reviewerId);
        organisation(organisationId);
        return downloadOf(organisationId, documentId);
    }

    /** Approves a pending application that has at least one qualification document. */
    public OrganisationView approve(long reviewerId, long organisationId) {
        requireReviewer(reviewerId);
        Organisation organisation = organisations.lock(organisationId)
                .orElseThrow(OrganisationNotFoundException::organisation);
        if (organisations.documents(organisationId).isEmpty()) {
            throw new OrganisationRuleException("documents-missing", 409,
                    "An application without qualification documents cannot be approved.");
        }
        organisation.approve(reviewerId, Instant.now());
        audit.record(reviewerId, "ORG_APPROVED", subject(organisationId), null);
        return OrganisationView.of(organisation, null);
    }

    public OrganisationView reject(long reviewerId, long organisationId, String reason) {
        requireReviewer(reviewerId);
        Organisation organisation = organisations.lock(organisationId)
                .orElseThrow(OrganisationNotFoundException::organisation);
        organisation.reject(reason, reviewerId, Instant.now());
        audit.record(reviewerId, "ORG_REJECTED", subject(organisationId), organisation.reviewReason());
        return OrganisationView.of(organisation, null);
    }

    // --- access checks ----------------------------------------------------------------------------

    private record Access(Organisation organisation, Membership membership) {
    }

    /** An active member of that organisation, or 404 as if it did not exist. */
    private Access member(long actorId, long organisationId) {
        Membership membership = organisations.membershipOf(organisationId, actorId).filter(Membership::isActive)
                .orElseThrow(OrganisationNotFoundException::organisation);
        Organisation organisation = organisations.find(organisationId)
                .orElseThrow(OrganisationNotFoundException::organisation);
        return new Access(organisation, membership);
    }

    private Access admin(long actorId, long organisationId) {
        Access access = member(actorId, organisationId);
        if (!access.membership().isAdmin()) {
            throw new NotPermittedException("Only the organisation's administrators may do this.");
        }
        return access;
    }

    /**
     * An administrator of an approved organisation, with the organisation row locked for the rest of the
     * transaction so that concurrent tree and membership changes are serialised (sibling names, last admin).
     */
    private Access managingAdmin(long actorId, long organisationId) {
        Access access = admin(actorId, organisationId);
        Organisation locked = organisations.lock(organisationId)
                .orElseThrow(OrganisationNotFoundException::organisation);
        locked.requireApproved();
        return new Access(locked, access.membership());
    }

    private void requireReviewer(long reviewerId) {
        Role role = customers.find(reviewerId).map(Customer::role).orElse(Role.CUSTOMER);
        if (role == Role.CUSTOMER) {
            throw new NotPermittedException("Only clerks and admins review organisations.");
        }
    }

    private Organisation organisation(long organisationId) {
        return organisations.find(organisationId).orElseThrow(OrganisationNotFoundException::organisation);
    }

    private Department department(long organisationId, long departmentId) {
        return organisations.department(organisationId, departmentId).orElseThrow(
                () -> new OrganisationNotFoundException("department-not-found", "No such department."));
    }

    private Membership activeMember(long organisationId, long memberId) {
        return organisations.membership(organisationId, memberId).filter(Membership::isActive).orElseThrow(
                () -> new OrganisationNotFoundException("member-not-found", "No such member."));
    }

    private void requireAnotherAdmin(long organisationId) {
        long admins = organisations.memberships(organisationId).stream().filter(Membership::isAdmin).count();
        if (admins <= 1) {
            throw new OrganisationRuleException("last-org-admin", 409,
                    "The last administrator of an organisation cannot be removed or demoted.");
        }
    }

    private void requireUniqueAmongSiblings(long organisationId, Long parentId, String name, Long except) {
        boolean taken = organisations.departments(organisationId).stream()
                .anyMatch(d -> d.isSibling(parentId) && d.name().equalsIgnoreCase(name) && !Objects.equals(d.id(), except));
        if (taken) {
            throw new OrganisationRuleException("department-name-taken", 409,
                    "A department with this name exists already at this place in the tree.");
        }
    }

    private int membersIn(long organisationId, long departmentId) {
        return (int) organisations.memberships(organisationId).stream()
                .filter(m -> m.isActive() && Objects.equals(m.departmentId(), departmentId)).count();
    }

    private List<DepartmentView> departmentViews(long organisationId) {
        Map<Long, Integer> counts = new HashMap<>();
        for (Membership m : organisations.memberships(organisationId)) {
            if (m.isActive() && m.departmentId() != null) {
                counts.merge(m.departmentId(), 1, Integer::sum);
            }
        }
        return organisations.departments(organisationId).stream()
                .map(d -> DepartmentView.of(d, counts.getOrDefault(d.id(), 0))).toList();
    }

    private DocumentDownload downloadOf(long organisationId, long documentId) {
        QualificationDocument document = organisations.document(organisationId, documentId).orElseThrow(
                () -> new OrganisationNotFoundException("document-not-found", "No such document."));
        DocumentContent content = organisations.content(documentId).orElseThrow();
        return new DocumentDownload(document.fileName(), document.format().contentType(), content.content());
    }

    private static MemberView invitationView(Invitation i) {
        return new MemberView(i.id(), null, i.email(), null, i.role().name(), i.departmentId(), "INVITED",
                i.createdAt(), i.expiresAt());
    }

    private static OrganisationStatus parseStatus(String status) {
        try {
            return OrganisationStatus.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new OrganisationRuleException("invalid-input", 400, "The status is PENDING, APPROVED or REJECTED.");
        }
    }

    private static String subject(long organisationId) {
        return "organisation:" + organisationId;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
