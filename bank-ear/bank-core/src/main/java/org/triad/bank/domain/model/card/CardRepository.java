package org.triad.bank.domain.model.card;

import java.util.List;
import java.util.Optional;

public interface CardRepository {

    Optional<Card> find(long id);

    Optional<Card> findByNumber(CardNumber number);

    List<Card> findByOwner(long ownerId);

    boolean numberExists(CardNumber number);

    /**
     * Loads the cards with a pessimistic write lock, always in ascending id order whatever the order of the
     * arguments, so that two transactions locking the same cards can never wait for each other in a cycle.
     */
    List<Card> lockInIdOrder(long... ids);

    void add(Card card);
}
