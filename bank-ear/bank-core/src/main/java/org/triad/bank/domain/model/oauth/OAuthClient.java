package org.triad.bank.domain.model.oauth;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.triad.bank.domain.model.shared.Ids;

/**
 * An app registered on the open platform (an OAuth client). Redirect URIs are exact strings: the provider compares
 * them character by character. Confidential apps hold a secret, stored hashed; public apps (SPAs, mobile) use PKCE.
 * A legacy-implicit app (Odoo's {@code auth_oauth}) may ask for {@code response_type=token}.
 */
@Entity
@Table(name = "oauth_client")
public class OAuthClient {

    public static final int MAX_ICON_BYTES = 48 * 1024;
    public static final Set<String> ICON_TYPES = Set.of("image/png", "image/jpeg", "image/gif");
    public static final int MAX_REDIRECT_URIS = 10;

    @Id
    private long id;

    @Column(name = "client_id", nullable = false, unique = true)
    private String clientId;

    @Column(nullable = false)
    private String name;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    private byte[] icon;

    @Column(name = "icon_type")
    private String iconType;

    private String homepage;

    @Column(name = "redirect_uris", nullable = false)
    private String redirectUris;

    @Column(name = "post_logout_uris")
    private String postLogoutUris;

    @Column(name = "backchannel_logout_uri")
    private String backchannelLogoutUri;

    @Column(nullable = false)
    private String scopes;

    @Column(nullable = false)
    private boolean confidential;

    @Column(name = "legacy_implicit", nullable = false)
    private boolean legacyImplicit;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @Column(name = "organisation_id")
    private Long organisationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ClientStatus status;

    @Column(name = "review_reason")
    private String reviewReason;

    @Column(name = "reviewed_by")
    private Long reviewedBy;

    @Column(name = "secret_hash")
    private String secretHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    /** RFC 8705 {@code tls_client_auth_subject_dn} in RFC 2253 form, or null: the app does not use mutual TLS. */
    @Column(name = "tls_client_auth_subject_dn")
    private String tlsClientAuthSubjectDn;

    @Version
    private long version;

    protected OAuthClient() {
    }

    public OAuthClient(String clientId, long ownerId, Long organisationId, boolean confidential, Instant now) {
        this.id = Ids.next();
        this.clientId = clientId;
        this.ownerId = ownerId;
        this.organisationId = organisationId;
        this.confidential = confidential;
        this.status = ClientStatus.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Sets the registration's fields, all checked; an approved app whose redirect URIs or scopes change goes back
     * to review (a new place to send codes to, or more data, is what the review is about).
     */
    public void describe(String name, String homepage, Collection<String> redirectUris,
                         Collection<String> postLogoutUris, Set<String> scopes, boolean legacyImplicit, Instant now) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw new InvalidClientInputException("The app needs a name of at most 100 characters.");
        }
        String home = homepage == null || homepage.isBlank() ? null : homepage.strip();
        if (home != null) {
            requireUri(home, "homepage", false);
        }
        List<String> redirects = cleaned(redirectUris);
        if (redirects.isEmpty() || redirects.size() > MAX_REDIRECT_URIS) {
            throw new InvalidClientInputException("Register between 1 and " + MAX_REDIRECT_URIS + " redirect URIs.");
        }
        redirects.forEach(u -> requireUri(u, "redirect URI", true));
        List<String> logouts = cleaned(postLogoutUris);
        logouts.forEach(u -> requireUri(u, "post-logout redirect URI", true));
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidClientInputException("Choose at least one scope.");
        }
        String newRedirects = String.join("\n", redirects);
        String newScopes = Scopes.join(scopes);
        boolean widened = this.redirectUris != null && (!newRedirects.equals(this.redirectUris)
                || !Scopes.parse(this.scopes).containsAll(scopes) || (legacyImplicit && !this.legacyImplicit));
        this.name = n;
        this.homepage = home;
        this.redirectUris = newRedirects;
        this.postLogoutUris = logouts.isEmpty() ? null : String.join("\n", logouts);
        this.scopes = newScopes;
        this.legacyImplicit = legacyImplicit;
        if (widened) {
            backToReview();
        }
        this.updatedAt = now;
    }

    /** A reviewed app whose registration now asks for more goes back to the queue (a rejection keeps its reason). */
    private void backToReview() {
        if (status == ClientStatus.APPROVED) {
            reviewReason = null;
        }
        status = ClientStatus.PENDING;
    }

    /**
     * Sets or clears (null or blank) the OpenID Connect back-channel logout URL. The bank itself calls it, so a new
     * one sends an approved app back to review like a new redirect URI.
     */
    public void backchannelLogout(String uri, Instant now) {
        String u = uri == null || uri.isBlank() ? null : uri.strip();
        if (u != null) {
            requireUri(u, "back-channel logout URL", true);
        }
        if (java.util.Objects.equals(u, backchannelLogoutUri)) {
            return;
        }
        backchannelLogoutUri = u;
        if (u != null) {
            backToReview();
        }
        updatedAt = now;
    }

    /**
     * Registers (or, with null or blank, clears) the subject DN of the client certificate the app presents on its
     * TLS connections to the bank (RFC 8705 §2.1.2, {@code tls_client_auth_subject_dn}). From then on the token
     * endpoint gives a confidential app a client-credentials token only over a connection with a valid certificate
     * of this subject from the Triad CA, and binds the token to that certificate. Only confidential apps.
     *
     * @throws InvalidClientInputException if the name is not an RFC 4514 distinguished name or the app is public
     */
    public void clientCertificateSubject(String subjectDn, Instant now) {
        String dn = null;
        if (subjectDn != null && !subjectDn.isBlank()) {
            if (!confidential) {
                throw new InvalidClientInputException("Only confidential apps can register a client certificate.");
            }
            if (subjectDn.length() > 400) {
                throw new InvalidClientInputException("The certificate subject is too long.");
            }
            try {
                dn = new javax.security.auth.x500.X500Principal(subjectDn.strip())
                        .getName(javax.security.auth.x500.X500Principal.RFC2253);
            } catch (IllegalArgumentException e) {
                throw new InvalidClientInputException("The certificate subject is not a distinguished name"
                        + " (RFC 4514, e.g. CN=shop).");
            }
            if (dn.isEmpty()) {
                throw new InvalidClientInputException("The certificate subject is empty.");
            }
        }
        if (!java.util.Objects.equals(dn, tlsClientAuthSubjectDn)) {
            tlsClientAuthSubjectDn = dn;
            updatedAt = now;
        }
    }

    /** The registered client certificate subject (RFC 2253), or null. */
    public String clientCertificateSubject() {
        return tlsClientAuthSubjectDn;
    }

    /** Whether {@code subject} is the registered client certificate subject (DN comparison, not text). */
    public boolean isClientCertificateSubject(javax.security.auth.x500.X500Principal subject) {
        return tlsClientAuthSubjectDn != null && subject != null
                && new javax.security.auth.x500.X500Principal(tlsClientAuthSubjectDn).equals(subject);
    }

    /** The back-channel logout URL, or null. */
    public String backchannelLogoutUri() {
        return backchannelLogoutUri;
    }

    private static List<String> cleaned(Collection<String> uris) {
        if (uris == null) {
            return List.of();
        }
        return uris.stream().map(String::strip).filter(u -> !u.isEmpty())
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)).stream().toList();
    }

    /**
     * An absolute http(s) URI without fragment, at most 1000 characters; plain http only for loopback hosts (native
     * apps and development) or where a redirect is registered for a legacy app on a local address.
     */
    static void requireUri(String value, String what, boolean redirect) {
        if (value.length() > 1000 || value.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw new InvalidClientInputException("The " + what + " is not a valid URL.");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidClientInputException("The " + what + " is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidClientInputException("The " + what + " must be an absolute http(s) URL.");
        }
        if (redirect && uri.getRawFragment() != null) {
            throw new InvalidClientInputException("The " + what + " must not have a fragment.");
        }
        if (redirect && scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new InvalidClientInputException("The " + what + " must use https (http only for localhost).");
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }

    public void icon(byte[] bytes, String contentType, Instant now) {
        if (bytes == null || bytes.length == 0) {
            return;
        }
        if (bytes.length > MAX_ICON_BYTES) {
            throw new InvalidClientInputException("The icon is larger than " + MAX_ICON_BYTES / 1024 + " KB.");
        }
        String type = sniff(bytes);
        if (type == null || !ICON_TYPES.contains(type)
                || (contentType != null && !contentType.equalsIgnoreCase(type) && !contentType.startsWith("application/octet-stream"))) {
            throw new InvalidClientInputException("The icon must be a PNG, JPEG or GIF image.");
        }
        this.icon = bytes.clone();
        this.iconType = type;
        this.updatedAt = now;
    }

    /** The image type by its magic bytes (the declared type is not trusted). */
    static String sniff(byte[] b) {
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (b.length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return "image/gif";
        }
        return null;
    }

    public void secretHash(String hash, Instant now) {
        this.secretHash = hash;
        this.updatedAt = now;
    }

    public void approve(long reviewerId, Instant now) {
        if (deletedAt != null) {
            throw new ClientNotFoundException();
        }
        status = ClientStatus.APPROVED;
        reviewReason = null;
        reviewedBy = reviewerId;
        updatedAt = now;
    }

    public void reject(long reviewerId, String reason, Instant now) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty() || r.length() > 500) {
            throw new InvalidClientInputException("A rejection needs a reason of at most 500 characters.");
        }
        if (deletedAt != null) {
            throw new ClientNotFoundException();
        }
        status = ClientStatus.REJECTED;
        reviewReason = r;
        reviewedBy = reviewerId;
        updatedAt = now;
    }

    public void delete(Instant now) {
        deletedAt = now;
        status = ClientStatus.REJECTED;
        secretHash = null;
        updatedAt = now;
    }

    public boolean isUsable() {
        return deletedAt == null && status == ClientStatus.APPROVED;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** Exact, character-by-character comparison with the registered redirect URIs. */
    public boolean hasRedirectUri(String uri) {
        return uri != null && redirectUris().contains(uri);
    }

    public boolean hasPostLogoutUri(String uri) {
        return uri != null && postLogoutUris().contains(uri);
    }

    public List<String> redirectUris() {
        return Arrays.asList(redirectUris.split("\n"));
    }

    public List<String> postLogoutUris() {
        return postLogoutUris == null ? List.of() : Arrays.asList(postLogoutUris.split("\n"));
    }

    public Set<String> scopes() {
        return Scopes.parse(scopes);
    }

    public long id() {
        return id;
    }

    public String clientId() {
        return clientId;
    }

    public String name() {
        return name;
    }

    public byte[] icon() {
        return icon == null ? null : icon.clone();
    }

    public String iconType() {
        return iconType;
    }

    public boolean hasIcon() {
        return iconType != null;
    }

    public String homepage() {
        return homepage;
    }

    public boolean isConfidential() {
        return confidential;
    }

    public boolean isLegacyImplicit() {
        return legacyImplicit;
    }

    public long ownerId() {
        return ownerId;
    }

    public Long organisationId() {
        return organisationId;
    }

    public ClientStatus status() {
        return status;
    }

    public String reviewReason() {
        return reviewReason;
    }

    public String secretHash() {
        return secretHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
