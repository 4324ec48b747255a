package org.triad.bank.application.oauth;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.triad.bank.domain.model.oauth.Scopes;

/**
 * An app registration or edit as entered in the developer console: redirect URIs one per line (exact strings),
 * the icon as uploaded (checked by type and size in the domain).
 */
public record AppForm(String name, String homepage, String redirectUris, String postLogoutUris, Set<String> scopes,
                      boolean confidential, boolean legacyImplicit, Long organisationId, byte[] icon,
                      String iconContentType, String backchannelLogoutUri) implements Serializable {

    /** A form without a back-channel logout URL. */
    public AppForm(String name, String homepage, String redirectUris, String postLogoutUris, Set<String> scopes,
                   boolean confidential, boolean legacyImplicit, Long organisationId, byte[] icon,
                   String iconContentType) {
        this(name, homepage, redirectUris, postLogoutUris, scopes, confidential, legacyImplicit, organisationId, icon,
                iconContentType, null);
    }

    List<String> redirectUriList() {
        return lines(redirectUris);
    }

    List<String> postLogoutUriList() {
        return lines(postLogoutUris);
    }

    Set<String> checkedScopes() {
        return Scopes.parse(scopes == null ? "" : String.join(" ", scopes));
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}
