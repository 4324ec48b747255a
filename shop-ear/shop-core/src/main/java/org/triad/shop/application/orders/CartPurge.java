package org.triad.shop.application.orders;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import org.triad.shop.domain.model.cart.CartRepository;

/** Drops anonymous carts nobody touched for a while (one transaction). */
@Stateless
public class CartPurge {

    @Inject
    CartRepository carts;

    public int purge(Instant before) {
        return carts.purgeAnonymous(before);
    }
}
