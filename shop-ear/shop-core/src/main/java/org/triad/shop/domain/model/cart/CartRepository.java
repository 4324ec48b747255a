package org.triad.shop.domain.model.cart;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface CartRepository {

    /** The owner's lines, oldest first. */
    List<CartLine> lines(String owner);

    Optional<CartLine> line(String owner, long itemId, String options);

    Optional<CartLine> line(String owner, long lineId);

    void add(CartLine line);

    void remove(CartLine line);

    /** Anonymous lines untouched since {@code before} are dropped; returns how many. */
    int purgeAnonymous(Instant before);
}
