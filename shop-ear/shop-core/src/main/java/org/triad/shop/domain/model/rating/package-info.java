/**
 * Buyers' ratings: one {@link org.triad.shop.domain.model.rating.Rating} per line of a completed order (stars, text,
 * up to three re-encoded images, the seller's one answer) and the per-item and per-seller
 * {@link org.triad.shop.domain.model.rating.RatingSummary}. Not to be confused with the item review queue (a shop
 * admin approving items), which lives with the items.
 */
package org.triad.shop.domain.model.rating;
