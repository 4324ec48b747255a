package org.triad.bank.application.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.triad.bank.domain.model.oauth.ClientStatus;
import org.triad.bank.domain.model.oauth.OAuthClient;

/** An app as the console, the review queue and the consent page show it (never its secret). */
public record ClientView(long id, String clientId, String name, String homepage, boolean hasIcon,
                         List<String> redirectUris, List<String> postLogoutUris, Set<String> scopes,
                         boolean confidential, boolean legacyImplicit, long ownerId, String ownerName,
                         Long organisationId, String organisationName, ClientStatus status, String reviewReason, Instant createdAt,
                         Instant updatedAt, String backchannelLogoutUri, String clientCertificateSubject) {

    /** {@code ownerName}: the organisation's name for an organisation's app, else the registering customer's. */
    static ClientView of(OAuthClient c, String ownerName, String organisationName) {
        return new ClientView(c.id(), c.clientId(), c.name(), c.homepage(), c.hasIcon(), c.redirectUris(),
                c.postLogoutUris(), c.scopes(), c.isConfidential(), c.isLegacyImplicit(), c.ownerId(), ownerName,
                c.organisationId(), organisationName, c.status(), c.reviewReason(), c.createdAt(), c.updatedAt(),
                c.backchannelLogoutUri(), c.clientCertificateSubject());
    }

    /** Whether the app registered a client certificate (RFC 8705): its client-credentials tokens are bound to it. */
    public boolean mutualTls() {
        return clientCertificateSubject != null;
    }

    /** Whether {@code subject} is the registered client certificate subject (DN comparison, not text). */
    public boolean isClientCertificateSubject(javax.security.auth.x500.X500Principal subject) {
        return clientCertificateSubject != null && subject != null
                && new javax.security.auth.x500.X500Principal(clientCertificateSubject).equals(subject);
    }

    public boolean approved() {
        return status == ClientStatus.APPROVED;
    }

    public String redirectUrisText() {
        return String.join("\n", redirectUris);
    }

    public String postLogoutUrisText() {
        return String.join("\n", postLogoutUris);
    }

    public String scopesText() {
        return String.join(" ", scopes);
    }
}
