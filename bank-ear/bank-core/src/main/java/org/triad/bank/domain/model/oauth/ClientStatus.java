package org.triad.bank.domain.model.oauth;

/** Review state of a registered app: only {@link #APPROVED} apps can authorize or get tokens. */
public enum ClientStatus {
    PENDING, APPROVED, REJECTED
}
