package org.triad.bank.application.organisation;

import java.time.Instant;
import org.triad.bank.domain.model.organisation.Department;
import org.triad.bank.domain.model.organisation.Organisation;
import org.triad.bank.domain.model.organisation.QualificationDocument;

/** What the organisation use cases hand out: plain records, never entities. */
public final class OrganisationViews {

    private OrganisationViews() {
    }

    /** An organisation as one caller sees it; {@code myRole} is null for platform reviewers. */
    public record OrganisationView(long id, String type, String name, String registrationNumber, String contactName,
                                   String contactEmail, String contactPhone, String status, String reviewReason,
                                   Instant reviewedAt, Instant createdAt, long applicantId, String myRole) {

        static OrganisationView of(Organisation o, String myRole) {
            return new OrganisationView(o.id(), o.type().name(), o.name(), o.registrationNumber(), o.contactName(),
                    o.contactEmail(), o.contactPhone(), o.status().name(), o.reviewReason(), o.reviewedAt(),
                    o.createdAt(), o.applicantId(), myRole);
        }
    }

    public record DocumentView(long id, String fileName, String contentType, long sizeBytes, String sha256,
                               Instant uploadedAt) {

        static DocumentView of(QualificationDocument d) {
            return new DocumentView(d.id(), d.fileName(), d.format().contentType(), d.sizeBytes(), d.sha256(),
                    d.uploadedAt());
        }
    }

    /** A file to attach to an application. */
    public record NewDocument(String fileName, byte[] content) {
    }

    /** The bytes of a document with what a download needs to name and type it. */
    public record DocumentDownload(String fileName, String contentType, byte[] content) {
    }

    public record DepartmentView(long id, Long parentId, String name, int memberCount) {

        static DepartmentView of(Department d, int memberCount) {
            return new DepartmentView(d.id(), d.parentId(), d.name(), memberCount);
        }
    }

    /**
     * A row of the member list: an ACTIVE membership ({@code id} = membership id), or a pending invitation
     * ({@code status} INVITED, {@code id} = invitation id, {@code customerId} null).
     */
    public record MemberView(long id, Long customerId, String email, String nickname, String role, Long departmentId,
                             String status, Instant since, Instant expiresAt) {
    }

    /** A new invitation; the token goes only into the mail (and to in-process callers such as tests). */
    public record Invited(MemberView invitation, String token) {
    }
}
