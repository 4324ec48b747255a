package org.triad.bank.domain.model.organisation;

/**
 * ACTIVE and REMOVED are stored on memberships; INVITED is what the member list shows for a pending invitation
 * (the invitation becomes an ACTIVE membership when the invited account accepts it).
 */
public enum MembershipStatus {
    INVITED, ACTIVE, REMOVED
}
