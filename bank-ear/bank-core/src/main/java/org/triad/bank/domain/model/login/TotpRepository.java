package org.triad.bank.domain.model.login;

import java.util.List;
import java.util.Optional;

/** TOTP enrolments and recovery codes. */
public interface TotpRepository {

    Optional<TotpEnrolment> find(long customerId);

    /** The enrolment, locked for update (two requests with the same code must not both pass). */
    Optional<TotpEnrolment> lock(long customerId);

    void add(TotpEnrolment enrolment);

    void remove(TotpEnrolment enrolment);

    List<RecoveryCode> recoveryCodes(long customerId);

    Optional<RecoveryCode> recoveryCode(String codeHash);

    void add(RecoveryCode code);

    void removeRecoveryCodes(long customerId);
}
