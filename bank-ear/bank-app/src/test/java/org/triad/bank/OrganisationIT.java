package org.triad.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triad.bank.BankClient.PASSWORD;
import static org.triad.bank.BankClient.PAY_PASSWORD;
import static org.triad.bank.BankClient.array;
import static org.triad.bank.BankClient.json;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.triad.bank.domain.model.organisation.UnifiedSocialCreditCode;
import org.triad.testkit.Deployments;
import org.triad.testkit.TriadHttp;

/**
 * Organisations over the real REST API of the deployed bank.ear: apply with documents, review, department tree,
 * invitations read out of real mails (GreenMail), roles, and the isolation between organisations (another
 * organisation's data answers 404 and stays unchanged).
 */
@ExtendWith(ArquillianExtension.class)
class OrganisationIT {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{43})");
    private static final BankClient CLERK = BankClient.basic("clerk", PASSWORD);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static Mailbox mailbox;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear("bank");
    }

    @BeforeAll
    static void startMailServer() {
        mailbox = new Mailbox();
    }

    @AfterAll
    static void stopMailServer() {
        if (mailbox != null) {
            mailbox.close();
        }
    }

    record Person(String email, long id, BankClient client) {
    }

    @Test
    void applyReviewDepartmentsInvitationsAndRoles() throws Exception {
        Person alice = person("Orgadmin");
        Person carol = person("Invitee");
        Person dave = person("Wrongaccount");

        // Apply; the applicant is the first ORG_ADMIN of a PENDING organisation.
        String code = creditCode("91");
        JsonObject org = created(alice.client().post("/api/v1/organisations", application("ENTERPRISE",
                "Example Trading Co.", code)));
        long orgId = org.getJsonNumber("id").longValue();
        assertThat(org.getString("status")).isEqualTo("PENDING");
        assertThat(org.getString("myRole")).isEqualTo("ORG_ADMIN");
        assertThat(org.getString("registrationNumber")).isEqualTo(code);

        // Documents: a real PDF is taken with its SHA-256; a text file named .pdf and an oversized file are not.
        HttpResponse<String> uploaded = upload(alice.client(), orgId, "licence.pdf", "application/pdf", PDF);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonObject document = json(uploaded);
        long documentId = document.getJsonNumber("id").longValue();
        assertThat(document.getString("sha256")).isEqualTo(sha256(PDF));
        assertThat(document.getString("contentType")).isEqualTo("application/pdf");
        assertProblem(upload(alice.client(), orgId, "notes.pdf", "application/pdf",
                "just some text, not a PDF".getBytes(StandardCharsets.UTF_8)), 415, "unsupported-document-type");
        byte[] huge = Arrays.copyOf(PDF, 5 * 1024 * 1024 + 1);
        assertProblem(upload(alice.client(), orgId, "huge.pdf", "application/pdf", huge), 413, "document-too-large");
        assertThat(array(alice.client().get("/api/v1/organisations/" + orgId + "/documents"))).hasSize(1);

        // Not approved yet: no departments, no invitations.
        assertProblem(alice.client().post(departments(orgId), department("Engineering", null)), 409,
                "organisation-not-approved");
        assertProblem(alice.client().post("/api/v1/organisations/" + orgId + "/invitations",
                invitation(carol.email(), "MEMBER", null)), 409, "organisation-not-approved");

        // The clerk sees the application and its document, and decides; customers may not.
        HttpResponse<String> queue = CLERK.get("/api/v1/clerk/organisations?status=PENDING&size=200");
        assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
        assertThat(queue.body()).contains(code);
        HttpResponse<byte[]> reviewed = bytes(CLERK, "/api/v1/clerk/organisations/" + orgId + "/documents/"
                + documentId + "/content");
        assertThat(reviewed.statusCode()).isEqualTo(200);
        assertThat(reviewed.body()).isEqualTo(PDF);
        assertThat(reviewed.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(reviewed.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertProblem(alice.client().post("/api/v1/clerk/organisations/" + orgId + "/review", decision("APPROVE", null)),
                403, "not-permitted");
        assertProblem(CLERK.post("/api/v1/clerk/organisations/" + orgId + "/review", decision("REJECT", " ")),
                400, "invalid-input");
        HttpResponse<String> approved = CLERK.post("/api/v1/clerk/organisations/" + orgId + "/review",
                decision("APPROVE", null));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(json(approved).getString("status")).isEqualTo("APPROVED");
        assertProblem(CLERK.post("/api/v1/clerk/organisations/" + orgId + "/review", decision("REJECT", "late")),
                409, "invalid-state");
        assertProblem(upload(alice.client(), orgId, "late.pdf", "application/pdf", PDF), 409, "invalid-state");

        // The department tree: siblings' names are unique, no cycles, only empty departments can be deleted.
        long engineering = id(created(alice.client().post(departments(orgId), department("Engineering", null))));
        long payments = id(created(alice.client().post(departments(orgId), department("Payments", engineering))));
        long operations = id(created(alice.client().post(departments(orgId), department("Operations", null))));
        assertProblem(alice.client().post(departments(orgId), department("engineering", null)), 409,
                "department-name-taken");
        assertProblem(alice.client().send("PUT", departments(orgId) + "/" + engineering,
                department("Engineering", payments)), 409, "department-cycle");
        assertProblem(alice.client().send("PUT", departments(orgId) + "/" + engineering,
                department("Engineering", engineering)), 409, "department-cycle");
        HttpResponse<String> moved = alice.client().send("PUT", departments(orgId) + "/" + operations,
                department("Operations", engineering));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(json(moved).getJsonNumber("parentId").longValue()).isEqualTo(engineering);
        assertProblem(alice.client().delete(departments(orgId) + "/" + engineering), 409, "department-not-empty");
        assertThat(alice.client().delete(departments(orgId) + "/" + payments).statusCode()).isEqualTo(204);
        JsonArray tree = array(alice.client().get(departments(orgId)));
        assertThat(tree).hasSize(2);
        assertThat(parentOf(tree, operations)).isEqualTo(engineering);
        assertThat(parentOf(tree, engineering)).isNull();

        // Invite carol by mail into Engineering; only carol's own account can accept, once.
        HttpResponse<String> invited = alice.client().post("/api/v1/organisations/" + orgId + "/invitations",
                invitation(carol.email(), "MEMBER", engineering));
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        assertThat(json(invited).getString("status")).isEqualTo("INVITED");
        assertThat(invited.body()).doesNotContain("token");
        String token = token(mailbox.text(carol.email(), "invitation to join"));
        assertProblem(dave.client().post("/api/v1/organisations/invitations/accept", accept(token)), 403,
                "invitation-for-another-account");
        assertProblem(dave.client().get("/api/v1/organisations/" + orgId), 404, "organisation-not-found");
        assertProblem(carol.client().post("/api/v1/organisations/invitations/accept", accept("x" + token.substring(1))),
                404, "invitation-not-found");
        HttpResponse<String> accepted = carol.client().post("/api/v1/organisations/invitations/accept", accept(token));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(json(accepted).getString("myRole")).isEqualTo("MEMBER");
        assertProblem(carol.client().post("/api/v1/organisations/invitations/accept", accept(token)), 409,
                "invitation-used");
        JsonArray members = array(alice.client().get(members(orgId)));
        assertThat(members).hasSize(2);
        JsonObject carolRow = memberRow(members, carol.id());
        assertThat(carolRow.getString("status")).isEqualTo("ACTIVE");
        assertThat(carolRow.getJsonNumber("departmentId").longValue()).isEqualTo(engineering);
        long carolMember = id(carolRow);
        long aliceMember = id(memberRow(members, alice.id()));

        // A plain member reads, but does not manage, and cannot download the documents.
        assertThat(carol.client().get(departments(orgId)).statusCode()).isEqualTo(200);
        assertThat(array(carol.client().get("/api/v1/organisations")).getJsonObject(0).getString("name"))
                .isEqualTo("Example Trading Co.");
        assertProblem(carol.client().post("/api/v1/organisations/" + orgId + "/invitations",
                invitation(dave.email(), "MEMBER", null)), 403, "not-permitted");
        assertProblem(carol.client().post(departments(orgId), department("Shadow IT", null)), 403, "not-permitted");
        assertProblem(carol.client().get("/api/v1/organisations/" + orgId + "/documents/" + documentId + "/content"),
                403, "not-permitted");

        // Roles: the last ORG_ADMIN can be neither demoted nor removed.
        assertProblem(alice.client().send("PUT", members(orgId) + "/" + aliceMember, member("MEMBER", null)), 409,
                "last-org-admin");
        assertProblem(alice.client().delete(members(orgId) + "/" + aliceMember), 409, "last-org-admin");
        HttpResponse<String> promoted = alice.client().send("PUT", members(orgId) + "/" + carolMember,
                member("ORG_ADMIN", engineering));
        assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
        assertThat(json(promoted).getString("role")).isEqualTo("ORG_ADMIN");
        HttpResponse<String> demoted = carol.client().send("PUT", members(orgId) + "/" + aliceMember,
                member("MEMBER", null));
        assertThat(demoted.statusCode()).as(demoted.body()).isEqualTo(200);
        assertProblem(carol.client().delete(members(orgId) + "/" + carolMember), 409, "last-org-admin");
        assertThat(carol.client().delete(members(orgId) + "/" + aliceMember).statusCode()).isEqualTo(204);
        assertProblem(alice.client().get("/api/v1/organisations/" + orgId), 404, "organisation-not-found");
        assertThat(array(alice.client().get("/api/v1/organisations"))).isEmpty();

        // Every change is in the audit log.
        HttpResponse<String> audit = CLERK.get("/api/v1/clerk/audit?action=ORG_APPROVED&size=200");
        assertThat(audit.body()).contains("organisation:" + orgId);
        HttpResponse<String> removed = CLERK.get("/api/v1/clerk/audit?action=ORG_MEMBER_REMOVED&actor="
                + carol.id());
        assertThat(removed.body()).contains("organisation:" + orgId);
    }

    @Test
    void rejectionNeedsDocumentsAndReasonAndBlocksManagement() {
        Person applicant = person("Founder");
        long orgId = id(created(applicant.client().post("/api/v1/organisations",
                application("FOUNDATION", "Example Foundation", creditCode("53")))));
        assertProblem(CLERK.post("/api/v1/clerk/organisations/" + orgId + "/review", decision("APPROVE", null)),
                409, "documents-missing");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        assertThat(upload(applicant.client(), orgId, "cert.png", "image/png", png).statusCode()).isEqualTo(201);
        HttpResponse<String> rejected = CLERK.post("/api/v1/clerk/organisations/" + orgId + "/review",
                decision("REJECT", "The certificate is unreadable."));
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        JsonObject seen = json(applicant.client().get("/api/v1/organisations/" + orgId));
        assertThat(seen.getString("status")).isEqualTo("REJECTED");
        assertThat(seen.getString("reviewReason")).isEqualTo("The certificate is unreadable.");
        assertProblem(applicant.client().post(departments(orgId), department("Board", null)), 409,
                "organisation-not-approved");
        assertThat(array(applicant.client().get(departments(orgId)))).isEmpty();
    }

    @Test
    void badApplicationsAreRefusedAndCreateNothing() {
        Person applicant = person("Careless");
        String code = creditCode("91");
        assertProblem(applicant.client().post("/api/v1/organisations", application("CORPORATION", "X", code)), 400,
                "invalid-organisation-type");
        String wrongCheck = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        assertProblem(applicant.client().post("/api/v1/organisations", application("ENTERPRISE", "X", wrongCheck)),
                400, "invalid-registration-number");
        assertProblem(applicant.client().post("/api/v1/organisations", application("ENTERPRISE", "X", "12345")),
                400, "invalid-registration-number");
        // a valid code, but of a foundation (53), not an enterprise
        assertProblem(applicant.client().post("/api/v1/organisations",
                application("ENTERPRISE", "X", creditCode("53"))), 400, "invalid-registration-number");
        assertProblem(applicant.client().post("/api/v1/organisations", Json.createObjectBuilder()
                .add("type", "ENTERPRISE").add("name", "X").add("registrationNumber", code).add("contactName", "C")
                .add("contactEmail", "not-an-address").add("contactPhone", "+86 10 1234 5678").build().toString()),
                400, "invalid-input");
        assertThat(array(applicant.client().get("/api/v1/organisations"))).isEmpty();

        assertThat(applicant.client().post("/api/v1/organisations", application("ENTERPRISE", "First", code))
                .statusCode()).isEqualTo(201);
        Person other = person("Copycat");
        assertProblem(other.client().post("/api/v1/organisations", application("ENTERPRISE", "Second", code)), 409,
                "registration-number-taken");
        assertThat(array(other.client().get("/api/v1/organisations"))).isEmpty();
        assertThat(array(applicant.client().get("/api/v1/organisations"))).hasSize(1);
        assertProblem(BankClient.anonymous().get("/api/v1/organisations"), 401, "unauthorized");
    }

    @Test
    void anotherOrganisationsDataAnswers404AndStaysUnchanged() {
        Person x = person("Xadmin");
        Person y = person("Yadmin");
        Person stranger = person("Stranger");
        long orgX = approvedOrganisation(x, "Org X");
        long orgY = approvedOrganisation(y, "Org Y");
        long deptX = id(created(x.client().post(departments(orgX), department("X Sales", null))));
        long deptY = id(created(y.client().post(departments(orgY), department("Y Sales", null))));
        long docX = array(x.client().get("/api/v1/organisations/" + orgX + "/documents")).getJsonObject(0)
                .getJsonNumber("id").longValue();
        long memberX = id(array(x.client().get(members(orgX))).getJsonObject(0));
        String departmentsBefore = x.client().get(departments(orgX)).body();
        String membersBefore = x.client().get(members(orgX)).body();

        // Y's admin (and a customer without any membership) on X's paths: 404, as if X did not exist.
        for (BankClient outsider : new BankClient[] {y.client(), stranger.client()}) {
            assertProblem(outsider.get("/api/v1/organisations/" + orgX), 404, "organisation-not-found");
            assertProblem(outsider.get(departments(orgX)), 404, "organisation-not-found");
            assertProblem(outsider.get(members(orgX)), 404, "organisation-not-found");
            assertProblem(outsider.get("/api/v1/organisations/" + orgX + "/documents"), 404, "organisation-not-found");
            assertProblem(outsider.get("/api/v1/organisations/" + orgX + "/documents/" + docX + "/content"), 404,
                    "organisation-not-found");
            assertProblem(outsider.post(departments(orgX), department("Intruders", null)), 404,
                    "organisation-not-found");
            assertProblem(outsider.send("PUT", departments(orgX) + "/" + deptX, department("Renamed", null)), 404,
                    "organisation-not-found");
            assertProblem(outsider.delete(departments(orgX) + "/" + deptX), 404, "organisation-not-found");
            assertProblem(outsider.post("/api/v1/organisations/" + orgX + "/invitations",
                    invitation(stranger.email(), "ORG_ADMIN", null)), 404, "organisation-not-found");
            assertProblem(outsider.send("PUT", members(orgX) + "/" + memberX, member("MEMBER", null)), 404,
                    "organisation-not-found");
            assertProblem(outsider.delete(members(orgX) + "/" + memberX), 404, "organisation-not-found");
            assertProblem(outsider.send("PUT", departments(orgX) + "/" + deptX, department("Renamed", null)), 404,
                    "organisation-not-found");
        }
        // X's ids smuggled into Y's paths by Y's admin: not found either.
        assertProblem(y.client().send("PUT", departments(orgY) + "/" + deptX, department("Mine now", null)), 404,
                "department-not-found");
        assertProblem(y.client().send("PUT", departments(orgY) + "/" + deptY, department("Y Sales", deptX)), 404,
                "department-not-found");
        assertProblem(y.client().delete(departments(orgY) + "/" + deptX), 404, "department-not-found");
        assertProblem(y.client().post(departments(orgY), department("Under X", deptX)), 404, "department-not-found");
        assertProblem(y.client().send("PUT", members(orgY) + "/" + memberX, member("MEMBER", null)), 404,
                "member-not-found");
        assertProblem(y.client().delete(members(orgY) + "/" + memberX), 404, "member-not-found");
        assertProblem(y.client().get("/api/v1/organisations/" + orgY + "/documents/" + docX + "/content"), 404,
                "document-not-found");
        assertProblem(y.client().post("/api/v1/organisations/" + orgY + "/invitations",
                invitation(stranger.email(), "MEMBER", deptX)), 404, "department-not-found");

        // Nothing of X changed, and nobody outside X sees it in their list.
        assertThat(x.client().get(departments(orgX)).body()).isEqualTo(departmentsBefore);
        assertThat(x.client().get(members(orgX)).body()).isEqualTo(membersBefore);
        assertThat(array(y.client().get("/api/v1/organisations"))).hasSize(1);
        assertThat(y.client().get("/api/v1/organisations").body()).doesNotContain("Org X");
        assertThat(array(stranger.client().get("/api/v1/organisations"))).isEmpty();
        assertThat(array(y.client().get(departments(orgY)))).hasSize(1);
    }

    // --- helpers ----------------------------------------------------------------------------------

    private long approvedOrganisation(Person admin, String name) {
        long orgId = id(created(admin.client().post("/api/v1/organisations",
                application("ENTERPRISE", name, creditCode("91")))));
        assertThat(upload(admin.client(), orgId, "licence.pdf", "application/pdf", PDF).statusCode()).isEqualTo(201);
        HttpResponse<String> approved = CLERK.post("/api/v1/clerk/organisations/" + orgId + "/review",
                decision("APPROVE", null));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        return orgId;
    }

    /** A random, valid unified social credit code with the given registration authority and category. */
    static String creditCode(String prefix) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder b = new StringBuilder(prefix);
        for (int i = 0; i < 6; i++) {
            b.append(RANDOM.nextInt(10));
        }
        for (int i = 0; i < 9; i++) {
            b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return b.append(UnifiedSocialCreditCode.checkCharacter(b.toString())).toString();
    }

    private static Person person(String nickname) {
        String email = nickname.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> r = BankClient.anonymous().post("/api/v1/customers", Json.createObjectBuilder()
                .add("nickname", nickname).add("email", email).add("password", PASSWORD)
                .add("payPassword", PAY_PASSWORD).build().toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        long id = json(r).getJsonNumber("id").longValue();
        HttpResponse<String> a = BankClient.anonymous().post("/api/v1/customers/activation", Json.createObjectBuilder()
                .add("email", email).add("code", mailbox.code(email, "activate your account")).build().toString());
        assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
        return new Person(email, id, BankClient.login(email, PASSWORD));
    }

    private static String application(String type, String name, String code) {
        return Json.createObjectBuilder().add("type", type).add("name", name).add("registrationNumber", code)
                .add("contactName", "Li Lei").add("contactEmail", "contact@example.com")
                .add("contactPhone", "+86 21 5555 0199").build().toString();
    }

    private static String department(String name, Long parentId) {
        var b = Json.createObjectBuilder().add("name", name);
        return (parentId == null ? b.add("parentId", JsonValue.NULL) : b.add("parentId", parentId)).build().toString();
    }

    private static String invitation(String email, String role, Long departmentId) {
        var b = Json.createObjectBuilder().add("email", email).add("role", role);
        return (departmentId == null ? b : b.add("departmentId", departmentId)).build().toString();
    }

    private static String member(String role, Long departmentId) {
        var b = Json.createObjectBuilder().add("role", role);
        return (departmentId == null ? b : b.add("departmentId", departmentId)).build().toString();
    }

    private static String decision(String decision, String reason) {
        var b = Json.createObjectBuilder().add("decision", decision);
        return (reason == null ? b : b.add("reason", reason)).build().toString();
    }

    private static String accept(String token) {
        return Json.createObjectBuilder().add("token", token).build().toString();
    }

    private static String departments(long orgId) {
        return "/api/v1/organisations/" + orgId + "/departments";
    }

    private static String members(long orgId) {
        return "/api/v1/organisations/" + orgId + "/members";
    }

    private static String token(String mail) {
        Matcher m = TOKEN.matcher(mail);
        assertThat(m.find()).as(mail).isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> upload(BankClient client, long orgId, String name, String type, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(TriadHttp.uri("bank", "/api/v1/organisations/" + orgId
                        + "/documents?name=" + name)).timeout(Duration.ofSeconds(60))
                .header("Authorization", client.authorization()).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return TriadHttp.send(request);
    }

    private static HttpResponse<byte[]> bytes(BankClient client, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(TriadHttp.uri("bank", path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", client.authorization()).GET().build();
        return TriadHttp.client().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonObject created(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r);
    }

    private static long id(JsonObject o) {
        return o.getJsonNumber("id").longValue();
    }

    private static Long parentOf(JsonArray tree, long departmentId) {
        for (JsonObject d : tree.getValuesAs(JsonObject.class)) {
            if (id(d) == departmentId) {
                return !d.containsKey("parentId") || d.isNull("parentId") ? null : d.getJsonNumber("parentId").longValue();
            }
        }
        throw new AssertionError("No department " + departmentId + " in " + tree);
    }

    private static JsonObject memberRow(JsonArray members, long customerId) {
        for (JsonObject m : members.getValuesAs(JsonObject.class)) {
            if (m.containsKey("customerId") && !m.isNull("customerId") && m.getJsonNumber("customerId").longValue() == customerId) {
                return m;
            }
        }
        throw new AssertionError("No member " + customerId + " in " + members);
    }

    private static void assertProblem(HttpResponse<String> r, int status, String type) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(r).getString("type")).as(r.body()).endsWith("/" + type);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
