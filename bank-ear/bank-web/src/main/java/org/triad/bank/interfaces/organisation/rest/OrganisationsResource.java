package org.triad.bank.interfaces.organisation.rest;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.bank.application.organisation.OrganisationService;
import org.triad.bank.application.organisation.OrganisationViews.DepartmentView;
import org.triad.bank.application.organisation.OrganisationViews.DocumentView;
import org.triad.bank.application.organisation.OrganisationViews.MemberView;
import org.triad.bank.application.organisation.OrganisationViews.OrganisationView;
import org.triad.bank.domain.model.organisation.DocumentFormat;
import org.triad.bank.domain.model.organisation.OrganisationRuleException;
import org.triad.bank.interfaces.ratelimit.RateLimited;
import org.triad.bank.interfaces.support.rest.Caller;
import org.triad.bank.interfaces.support.rest.Downloads;

/**
 * Organisations of the signed-in customer: apply (then upload qualification documents), read, manage departments
 * and members of an approved organisation, accept invitations. Data of an organisation the caller is no active
 * member of is answered with 404 {@code organisation-not-found}, like a missing one; ids of another organisation's
 * departments, members or documents with 404 {@code department-not-found} / {@code member-not-found} /
 * {@code document-not-found}.
 */
@Path("v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations", description = "Organisations: applications, documents, departments, members, invitations")
public class OrganisationsResource {

    public record ApplicationRequest(String type, String name, String registrationNumber, String contactName,
                                     String contactEmail, String contactPhone) {
    }

    public record DepartmentRequest(String name, Long parentId) {
    }

    public record InvitationRequest(String email, String role, Long departmentId) {
    }

    public record MemberRequest(String role, Long departmentId) {
    }

    public record AcceptRequest(String token) {
    }

    @EJB
    OrganisationService organisations;

    @Context
    HttpServletRequest request;

    @POST
    @Operation(summary = "Apply for an organisation",
            description = "type (GOVERNMENT_AGENCY, REGULATOR, INDUSTRY_ASSOCIATION, PUBLIC_INSTITUTION, SOCIAL_GROUP, "
                    + "FOUNDATION, SOLE_PROPRIETOR, ENTERPRISE), name, registrationNumber (18-character unified social "
                    + "credit code fitting the type), contactName, contactEmail, contactPhone. The applicant becomes its "
                    + "first ORG_ADMIN; the organisation is PENDING until a reviewer decides.")
    @APIResponse(responseCode = "201", description = "Organisation (PENDING)")
    @APIResponse(responseCode = "400", description = "invalid-organisation-type, invalid-registration-number, invalid-input")
    @APIResponse(responseCode = "409", description = "registration-number-taken")
    public Response apply(ApplicationRequest body) {
        Caller.body(body);
        OrganisationView created = organisations.apply(Caller.id(request), body.type(), body.name(),
                body.registrationNumber(), body.contactName(), body.contactEmail(), body.contactPhone());
        return Response.status(201).entity(created).build();
    }

    @GET
    @Operation(summary = "The caller's organisations (active memberships) with the caller's role")
    public List<OrganisationView> mine() {
        return organisations.mine(Caller.id(request));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of the caller's organisations")
    @APIResponse(responseCode = "200", description = "Organisation with the caller's role")
    @APIResponse(responseCode = "404", description = "No such organisation, or the caller is not a member (organisation-not-found)")
    public OrganisationView get(@PathParam("id") long id) {
        return organisations.get(Caller.id(request), id);
    }

    @POST
    @Path("{id}/documents")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload a qualification document",
            description = "The request body is the file (PDF, PNG or JPEG, recognised by its content; at most 5 MB); "
                    + "the query parameter name is its file name. Only while the application is PENDING; ORG_ADMIN only.")
    @APIResponse(responseCode = "201", description = "Document metadata with its SHA-256")
    @APIResponse(responseCode = "400", description = "Empty document (invalid-document)")
    @APIResponse(responseCode = "403", description = "Not an administrator of the organisation (not-permitted)")
    @APIResponse(responseCode = "404", description = "organisation-not-found")
    @APIResponse(responseCode = "409", description = "The application has been reviewed already (invalid-state)")
    @APIResponse(responseCode = "413", description = "Larger than 5 MB (document-too-large)")
    @APIResponse(responseCode = "415", description = "Not a PDF, PNG or JPEG file (unsupported-document-type)")
    public Response upload(@PathParam("id") long id,
                           @Parameter(description = "file name") @QueryParam("name") String name,
                           InputStream body) throws IOException {
        long caller = Caller.id(request);
        byte[] content = body == null ? new byte[0] : body.readNBytes(DocumentFormat.MAX_BYTES + 1);
        if (content.length > DocumentFormat.MAX_BYTES) {
            throw new OrganisationRuleException("document-too-large", 413, "A document may be at most 5 MB.");
        }
        DocumentView document = organisations.addDocument(caller, id, name, content);
        return Response.status(201).entity(document).build();
    }

    @GET
    @Path("{id}/documents")
    @Operation(summary = "Qualification documents (ORG_ADMIN only)")
    public List<DocumentView> documents(@PathParam("id") long id) {
        return organisations.documents(Caller.id(request), id);
    }

    @GET
    @Path("{id}/documents/{documentId}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download a qualification document (ORG_ADMIN of this organisation only)")
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(responseCode = "404", description = "organisation-not-found / document-not-found")
    public Response download(@PathParam("id") long id, @PathParam("documentId") long documentId) {
        return Downloads.of(organisations.download(Caller.id(request), id, documentId));
    }

    @GET
    @Path("{id}/departments")
    @Operation(summary = "The department tree as a flat list (parentId null: top level), with member counts")
    public List<DepartmentView> departments(@PathParam("id") long id) {
        return organisations.departments(Caller.id(request), id);
    }

    @POST
    @Path("{id}/departments")
    @Operation(summary = "Create a department", description = "name, parentId (optional). ORG_ADMIN of an APPROVED organisation.")
    @APIResponse(responseCode = "201", description = "Department")
    @APIResponse(responseCode = "403", description = "not-permitted (not an ORG_ADMIN)")
    @APIResponse(responseCode = "404", description = "organisation-not-found / department-not-found (parent)")
    @APIResponse(responseCode = "409", description = "organisation-not-approved, department-name-taken")
    public Response createDepartment(@PathParam("id") long id, DepartmentRequest body) {
        Caller.body(body);
        return Response.status(201)
                .entity(organisations.createDepartment(Caller.id(request), id, body.parentId(), body.name())).build();
    }

    @PUT
    @Path("{id}/departments/{departmentId}")
    @Operation(summary = "Rename and/or move a department", description = "name (optional: unchanged), parentId (null: top level)")
    @APIResponse(responseCode = "200", description = "Department")
    @APIResponse(responseCode = "409", description = "department-cycle, department-name-taken, organisation-not-approved")
    public DepartmentView updateDepartment(@PathParam("id") long id, @PathParam("departmentId") long departmentId,
                                           DepartmentRequest body) {
        Caller.body(body);
        return organisations.updateDepartment(Caller.id(request), id, departmentId, body.name(), body.parentId());
    }

    @DELETE
    @Path("{id}/departments/{departmentId}")
    @Operation(summary = "Delete an empty department")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "department-not-empty (sub-departments, members or pending invitations)")
    public Response deleteDepartment(@PathParam("id") long id, @PathParam("departmentId") long departmentId) {
        organisations.deleteDepartment(Caller.id(request), id, departmentId);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/members")
    @Operation(summary = "Members (ACTIVE) and pending invitations (INVITED)")
    public List<MemberView> members(@PathParam("id") long id) {
        return organisations.members(Caller.id(request), id);
    }

    @POST
    @Path("{id}/invitations")
    @RateLimited("invitations")
    @Operation(summary = "Invite an e-mail address",
            description = "email, role (ORG_ADMIN or MEMBER, default MEMBER), departmentId (optional). The invitation "
                    + "link (valid 7 days, single use) is sent by mail only.")
    @APIResponse(responseCode = "201", description = "The pending invitation (status INVITED)")
    @APIResponse(responseCode = "403", description = "not-permitted (not an ORG_ADMIN)")
    @APIResponse(responseCode = "409", description = "organisation-not-approved, already-member")
    @APIResponse(responseCode = "429", description = "Too many requests (too-many-requests, Retry-After)")
    public Response invite(@PathParam("id") long id, InvitationRequest body) {
        Caller.body(body);
        MemberView invitation = organisations.invite(Caller.id(request), id, body.email(), body.role(),
                body.departmentId()).invitation();
        return Response.status(201).entity(invitation).build();
    }

    @PUT
    @Path("{id}/members/{memberId}")
    @Operation(summary = "Change a member's role and department", description = "role (ORG_ADMIN or MEMBER), departmentId (null: none)")
    @APIResponse(responseCode = "200", description = "Member")
    @APIResponse(responseCode = "409", description = "last-org-admin (the last ORG_ADMIN cannot be demoted)")
    public MemberView changeMember(@PathParam("id") long id, @PathParam("memberId") long memberId, MemberRequest body) {
        Caller.body(body);
        return organisations.changeMember(Caller.id(request), id, memberId, body.role(), body.departmentId());
    }

    @DELETE
    @Path("{id}/members/{memberId}")
    @Operation(summary = "Remove a member")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "last-org-admin (the last ORG_ADMIN cannot be removed)")
    public Response removeMember(@PathParam("id") long id, @PathParam("memberId") long memberId) {
        organisations.removeMember(Caller.id(request), id, memberId);
        return Response.noContent().build();
    }

    @POST
    @Path("invitations/accept")
    @Operation(summary = "Accept an invitation", description = "token from the invitation mail; the signed-in account must have the invited e-mail address.")
    @APIResponse(responseCode = "200", description = "The organisation joined")
    @APIResponse(responseCode = "403", description = "invitation-for-another-account")
    @APIResponse(responseCode = "404", description = "invitation-not-found")
    @APIResponse(responseCode = "409", description = "invitation-used, already-member")
    @APIResponse(responseCode = "410", description = "invitation-expired")
    public OrganisationView accept(AcceptRequest body) {
        Caller.body(body);
        return organisations.accept(Caller.id(request), body.token());
    }
}
