package org.triad.bank.interfaces.security;

import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import org.triad.bank.application.login.Authentication;

/** Why the identity store refused the request's credentials, for the mechanism's error response. */
@RequestScoped
public class LoginOutcome {

    private Authentication.Outcome outcome;
    private Instant lockedUntil;
    private boolean secondStepRequired;
    private String qrRefusal;

    void record(Authentication.Outcome outcome, Instant lockedUntil) {
        this.outcome = outcome;
        this.lockedUntil = lockedUntil;
    }

    /** Records a result checked outside the identity store and returns it. */
    Authentication.Result recorded(Authentication.Result result) {
        record(result.outcome(), result.lockedUntil());
        return result;
    }

    void secondStepRequired() {
        this.secondStepRequired = true;
    }

    void qrRefused(String reason) {
        this.qrRefusal = reason;
    }

    /** The first step was right; the customer has an authenticator and must give a code next. */
    public boolean isSecondStepRequired() {
        return secondStepRequired;
    }

    /** Why a QR login scene could not sign this browser in ({@code expired}, {@code used}, ...), or null. */
    public String qrRefusal() {
        return qrRefusal;
    }

    public Authentication.Outcome outcome() {
        return outcome;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }
}
