package org.triad.bank.interfaces.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.triad.bank.application.login.Authentication;

/**
 * Checks passwords (customers by email, staff by name) and session tokens against the bank's database. Lockout
 * after repeated failures is decided and stored by {@link Authentication}.
 */
@ApplicationScoped
public class CustomerIdentityStore implements IdentityStore {

    @EJB
    Authentication authentication;

    @Inject
    LoginOutcome outcome;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        Authentication.Result result;
        if (credential instanceof UsernamePasswordCredential password) {
            result = authentication.verifyPassword(password.getCaller(), password.getPasswordAsString());
        } else if (credential instanceof SessionTokenCredential token) {
            result = authentication.verifySession(token.token());
        } else {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        outcome.record(result.outcome(), result.lockedUntil());
        if (result.outcome() != Authentication.Outcome.OK) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(String.valueOf(result.customerId()), result.groups());
    }
}
