/**
 * Items for sale and their review: the seller's working copy, the published copy buyers see, the review status,
 * stock and whether the item is open for sale; {@link org.triad.shop.domain.model.item.Price} is exact money.
 */
package org.triad.shop.domain.model.item;
