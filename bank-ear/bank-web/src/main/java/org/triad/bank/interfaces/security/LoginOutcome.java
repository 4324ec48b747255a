package org.triad.bank.interfaces.security;

import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import org.triad.bank.application.Authentication;

/** Why the identity store refused the request's credentials, for the mechanism's error response. */
@RequestScoped
public class LoginOutcome {

    private Authentication.Outcome outcome;
    private Instant lockedUntil;

    void record(Authentication.Outcome outcome, Instant lockedUntil) {
        this.outcome = outcome;
        this.lockedUntil = lockedUntil;
    }

    public Authentication.Outcome outcome() {
        return outcome;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }
}
