package org.triad.bank.domain.model.customer;

/** Who a person is to the bank. Clerks review customers and freeze cards; admins run the platform. */
public enum Role {
    CUSTOMER, CLERK, ADMIN;

    /** The Jakarta Security group of this role. */
    public String group() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
