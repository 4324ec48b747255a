package org.triad.bank.domain.model.oauth;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The scopes the bank's provider knows, in display order. */
public final class Scopes {

    public static final String OPENID = "openid";
    public static final String PROFILE = "profile";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String IDENTIFY = "identify";
    public static final String CARDS_READ = "cards:read";
    public static final String PAYMENTS = "payments";

    public static final List<String> ALL = List.of(OPENID, PROFILE, EMAIL, PHONE, IDENTIFY, CARDS_READ, PAYMENTS);

    private Scopes() {
    }

    /** Parses a space separated list; unknown scopes are refused. */
    public static Set<String> parse(String value) {
        Set<String> scopes = value == null || value.isBlank() ? new LinkedHashSet<>()
                : Arrays.stream(value.trim().split("\\s+")).collect(Collectors.toCollection(LinkedHashSet::new));
        for (String s : scopes) {
            if (!ALL.contains(s)) {
                throw new InvalidClientInputException("Unknown scope: " + s);
            }
        }
        return ordered(scopes);
    }

    /** The known scopes of a collection in display order. */
    public static Set<String> ordered(Collection<String> scopes) {
        return ALL.stream().filter(scopes::contains).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static String join(Collection<String> scopes) {
        return String.join(" ", ordered(scopes));
    }
}
