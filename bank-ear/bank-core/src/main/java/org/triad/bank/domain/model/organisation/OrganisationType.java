package org.triad.bank.domain.model.organisation;

import java.util.Set;

/**
 * The eight kinds of organisation the platform admits. Each is identified by an 18-character unified social credit
 * code (GB 32100-2015) whose first two characters (registration authority and category) must fit the type.
 */
public enum OrganisationType {
    /** 机关: organ establishment authority, category 1. */
    GOVERNMENT_AGENCY(Set.of("11")),
    /** Regulators are government organs too. */
    REGULATOR(Set.of("11")),
    /** 行业协会: registered by civil affairs as social groups. */
    INDUSTRY_ASSOCIATION(Set.of("51")),
    /** 事业单位. */
    PUBLIC_INSTITUTION(Set.of("12")),
    /** 社会团体: civil affairs (51), or mass organisations under the organ establishment authority (13). */
    SOCIAL_GROUP(Set.of("51", "13")),
    /** 基金会. */
    FOUNDATION(Set.of("53")),
    /** 个体工商户. */
    SOLE_PROPRIETOR(Set.of("92")),
    /** 企业. */
    ENTERPRISE(Set.of("91"));

    private final Set<String> prefixes;

    OrganisationType(Set<String> prefixes) {
        this.prefixes = prefixes;
    }

    /** The normalised (trimmed, upper-case) registration number, or an exception saying what is wrong with it. */
    public String checkRegistrationNumber(String number) {
        String code = UnifiedSocialCreditCode.normalise(number);
        if (!UnifiedSocialCreditCode.isValid(code)) {
            throw new OrganisationRuleException("invalid-registration-number", 400,
                    "The registration number must be an 18-character unified social credit code with a valid check character.");
        }
        if (!prefixes.contains(code.substring(0, 2))) {
            throw new OrganisationRuleException("invalid-registration-number", 400,
                    "A unified social credit code of a " + name() + " starts with " + String.join(" or ", prefixes) + ".");
        }
        return code;
    }

    public static OrganisationType parse(String value) {
        if (value != null) {
            for (OrganisationType type : values()) {
                if (type.name().equalsIgnoreCase(value.trim())) {
                    return type;
                }
            }
        }
        throw new OrganisationRuleException("invalid-organisation-type", 400,
                "The type must be one of GOVERNMENT_AGENCY, REGULATOR, INDUSTRY_ASSOCIATION, PUBLIC_INSTITUTION, "
                        + "SOCIAL_GROUP, FOUNDATION, SOLE_PROPRIETOR, ENTERPRISE.");
    }
}
