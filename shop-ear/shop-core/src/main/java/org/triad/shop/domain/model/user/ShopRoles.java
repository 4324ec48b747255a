package org.triad.shop.domain.model.user;

/** The shop's security roles (container groups). */
public final class ShopRoles {

    public static final String BUYER = "buyer";
    public static final String SELLER = "seller";
    public static final String SHOP_ADMIN = "shop-admin";

    private ShopRoles() {
    }
}
