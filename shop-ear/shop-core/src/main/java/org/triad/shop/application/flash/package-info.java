/**
 * Flash sales (docs/shop.md, "Flash sale"): {@link org.triad.shop.application.flash.FlashSaleService} is the entry
 * (schedule, claim, check out a claim); {@link org.triad.shop.application.flash.FlashSaleSteps} its transactions;
 * {@link org.triad.shop.application.flash.FlashGate} answers "sold out" without the database for a moment after the
 * pool ran dry; {@link org.triad.shop.application.flash.FlashPool} gives a released unit back exactly once;
 * {@link org.triad.shop.application.flash.FlashExpiry} releases lapsed claims and closes ended sales.
 */
package org.triad.shop.application.flash;
