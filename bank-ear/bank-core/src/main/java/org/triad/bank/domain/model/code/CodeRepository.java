package org.triad.bank.domain.model.code;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface CodeRepository {

    void add(OneTimeCode code);

    /** The newest code of the customer for the purpose and subject, used or not. */
    Optional<OneTimeCode> newest(long customerId, CodePurpose purpose, String subject);

    /** {@link #newest}, locked for update: concurrent checks of one code are counted one after the other. */
    Optional<OneTimeCode> newestForCheck(long customerId, CodePurpose purpose, String subject);

    List<OneTimeCode> unused(long customerId, CodePurpose purpose, String subject);

    /** How many codes were issued to the customer for the purpose since {@code since}. */
    long issuedSince(long customerId, CodePurpose purpose, Instant since);

    void addFailure(CodeFailure failure);

    /** The times of the customer's wrong codes for the purpose since {@code since}, newest first, at most {@code max}. */
    List<Instant> failuresSince(long customerId, CodePurpose purpose, Instant since, int max);
}
