package org.triad.bank.domain.model.organisation;

/** A member's role inside one organisation (unrelated to the bank's own staff roles). */
public enum OrgRole {
    ORG_ADMIN, MEMBER;

    public static OrgRole parse(String value) {
        if (value != null) {
            for (OrgRole role : values()) {
                if (role.name().equalsIgnoreCase(value.trim())) {
                    return role;
                }
            }
        }
        throw new OrganisationRuleException("invalid-input", 400, "The role is ORG_ADMIN or MEMBER.");
    }
}
