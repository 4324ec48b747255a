package org.triad.bank.domain.model.outbox;

/** What an outbox message is, and so which courier sends it. */
public enum OutboxKind {
    /** A signed JSON event POSTed to a merchant's notify URL. */
    MERCHANT_NOTIFICATION,
    /** An e-mail (subject and text) to one address. */
    MAIL,
    /** An OpenID Connect back-channel logout token POSTed to an app. */
    BACKCHANNEL_LOGOUT
}
