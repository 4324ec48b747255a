package org.triad.bank.domain.model.identity;

/** How a device session was opened. */
public enum DeviceKind {
    /** A browser signed in to the portal or back office (the HTTP session carries the session token). */
    PORTAL,
    /** A first-party API client: {@code POST /api/v1/auth/login} (or the older {@code POST /api/v1/sessions}). */
    API,
    /** An OAuth 2.0 / OpenID Connect grant to a client application. */
    OAUTH
}
