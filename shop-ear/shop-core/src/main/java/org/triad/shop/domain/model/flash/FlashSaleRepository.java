package org.triad.shop.domain.model.flash;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flash sales and claims. The pool and the claims' states change only through the conditional updates here, each
 * answering whether it changed a row: that answer, not a value read before, decides what happens next.
 */
public interface FlashSaleRepository {

    void add(FlashSale sale);

    void add(FlashClaim claim);

    void flush();

    Optional<FlashSale> sale(long id);

    /** The sale, its row locked for the transaction and read fresh. */
    Optional<FlashSale> lockSale(long id);

    /** Sales not yet over (upcoming or live), soonest first. */
    List<FlashSale> current(Instant now, int max);

    /** All sales, newest first (admins). */
    List<FlashSale> all(int first, int max);

    /** Scheduled sales whose window is over, to be closed. */
    List<FlashSale> endedOpen(Instant now, int max);

    Optional<FlashClaim> claim(long id);

    /** The buyer's claim that holds a unit of the sale (CLAIMED or ORDERED), if any. */
    Optional<FlashClaim> liveClaim(long saleId, long buyerId);

    /** The buyer's claims, newest first. */
    List<FlashClaim> claimsOf(long buyerId, int max);

    /** Claims still CLAIMED whose hold ended before {@code now}. */
    List<FlashClaim> lapsed(Instant now, int max);

    /** Takes one unit from the pool of a live sale: false when it is empty, not live or not there. */
    boolean take(long saleId, Instant now);

    /** Puts one unit back into the pool of a scheduled sale: false when the sale is closed (the caller gives it to the item). */
    boolean giveBack(long saleId);

    /** CLAIMED and within its hold → ORDERED by this checkout. */
    boolean ordered(long claimId, long checkoutId, Instant now);

    /** The claim, in {@code from}, gives its unit up: RELEASED, no longer held by its buyer. */
    boolean release(long claimId, FlashClaimStatus from, Instant now);

    /** Closes a scheduled sale: status CLOSED and the pool emptied (the caller gives {@code remaining} to the item). */
    boolean close(long saleId, FlashSaleStatus to, Instant now);

    /** Claims of the sale by state, and how many of the ordered ones are paid ({@code "PAID"}). */
    Map<String, Long> claimCounts(long saleId);
}
