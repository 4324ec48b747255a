package org.triad.bank.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.triad.bank.domain.model.login.QrLoginScene;
import org.triad.bank.domain.model.login.QrSceneRepository;

@ApplicationScoped
public class JpaQrSceneRepository implements QrSceneRepository {

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    @Override
    public void add(QrLoginScene scene) {
        em.persist(scene);
    }

    @Override
    public Optional<QrLoginScene> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(QrLoginScene.class, id));
    }

    @Override
    public Optional<QrLoginScene> lock(String id) {
        return id == null ? Optional.empty()
                : Optional.ofNullable(em.find(QrLoginScene.class, id, LockModeType.PESSIMISTIC_WRITE));
    }
}
