package org.triad.shop.application;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;
import org.triad.shop.domain.model.user.ShopUser;

/** A shop user as screens and resources see them. */
public record UserView(long id, String nickname, String email, boolean bankLinked, Set<String> roles,
                       boolean seller, boolean shopAdmin, boolean banned, Instant sellerSince) implements Serializable {

    static UserView of(ShopUser u) {
        return new UserView(u.id(), u.nickname(), u.email(), u.bankSubject() != null, Set.copyOf(u.roles()),
                u.isSeller(), u.isShopAdmin(), u.isBanned(), u.sellerSince());
    }
}
