/** Carts of signed-in users and anonymous visitors. */
package org.triad.shop.domain.model.cart;
