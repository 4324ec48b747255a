package org.triad.bank.domain.model.code;

import java.util.List;
import java.util.Optional;

public interface CodeRepository {

    void add(OneTimeCode code);

    /** The newest code of the customer for the purpose and subject, used or not. */
    Optional<OneTimeCode> newest(long customerId, CodePurpose purpose, String subject);

    List<OneTimeCode> unused(long customerId, CodePurpose purpose, String subject);
}
