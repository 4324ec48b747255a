package org.triad.bank.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.triad.bank.domain.model.card.Card;
import org.triad.bank.domain.model.card.CardNotFoundException;
import org.triad.bank.domain.model.card.CardNumber;
import org.triad.bank.domain.model.card.CardRepository;

@ApplicationScoped
public class JpaCardRepository implements CardRepository {

    @PersistenceContext(unitName = "bank")
    EntityManager em;

    @Override
    public Optional<Card> find(long id) {
        return Optional.ofNullable(em.find(Card.class, id));
    }

    @Override
    public Optional<Card> findByNumber(CardNumber number) {
        return em.createQuery("SELECT c FROM Card c WHERE c.number = :n", Card.class)
                .setParameter("n", number).getResultStream().findFirst();
    }

    @Override
    public List<Card> findByOwner(long ownerId) {
        return em.createQuery("SELECT c FROM Card c WHERE c.ownerId = :o ORDER BY c.createdAt, c.id", Card.class)
                .setParameter("o", ownerId).getResultList();
    }

    @Override
    public boolean numberExists(CardNumber number) {
        return findByNumber(number).isPresent();
    }

    @Override
    public List<Card> lockInIdOrder(long... ids) {
        long[] sorted = Arrays.stream(ids).distinct().sorted().toArray();
        List<Card> cards = new ArrayList<>(sorted.length);
        for (long id : sorted) {
            // One SELECT ... FOR UPDATE per row, in ascending id order: the order is what prevents deadlocks.
            Card card = em.find(Card.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (card == null) {
                throw new CardNotFoundException("No such card.");
            }
            cards.add(card);
        }
        return cards;
    }

    @Override
    public void add(Card card) {
        em.persist(card);
    }
}
