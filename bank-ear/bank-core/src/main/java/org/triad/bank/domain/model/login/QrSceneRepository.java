package org.triad.bank.domain.model.login;

import java.util.Optional;

public interface QrSceneRepository {

    void add(QrLoginScene scene);

    Optional<QrLoginScene> find(String id);

    /** The scene locked for update: a confirmation and a consumption must not interleave. */
    Optional<QrLoginScene> lock(String id);
}
