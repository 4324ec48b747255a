package org.triad.bank.domain.model.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface JournalRepository {

    void add(JournalEntry entry);

    Optional<JournalEntry> findByIdempotencyKey(long initiatorId, String idempotencyKey);

    /**
     * Card postings of the given cards ({@code null}: of every card, for staff), newest first, with their entries,
     * filtered and paged.
     */
    List<Posting> cardPostings(List<Long> cardIds, Instant from, Instant to, EntryType type, int offset, int limit);

    long countCardPostings(List<Long> cardIds, Instant from, Instant to, EntryType type);

    /** The other postings of the entries, for naming counterparties. */
    List<Posting> postingsOfEntries(List<Long> entryIds);
}
