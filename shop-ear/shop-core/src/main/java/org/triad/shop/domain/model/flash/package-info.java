/**
 * Flash sales: {@link org.triad.shop.domain.model.flash.FlashSale} (N units of an item at a price for a time window,
 * its pool of unclaimed units) and {@link org.triad.shop.domain.model.flash.FlashClaim} (one buyer's unit, held until
 * it is checked out and paid or released back to the pool).
 */
package org.triad.shop.domain.model.flash;
