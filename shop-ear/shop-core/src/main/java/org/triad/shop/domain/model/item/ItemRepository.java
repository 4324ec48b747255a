package org.triad.shop.domain.model.item;

import java.util.List;
import java.util.Optional;

public interface ItemRepository {

    Optional<Item> find(long id);

    /** The item row locked for the rest of the transaction. */
    Optional<Item> lock(long id);

    void add(Item item);

    /** A seller's items, last changed first. */
    List<Item> ofSeller(long sellerId, int first, int max);

    /** Items waiting for review, longest waiting first. */
    List<Item> inReview(int first, int max);

    long countInReview();

    /** Items buyers may see: published, on sale, seller not banned; newest first, optionally in one category tree. */
    List<Item> visible(List<Long> categoryIds, int first, int max);

    long countVisible(List<Long> categoryIds);

    /** Whether buyers may see this item now. */
    boolean isVisible(long itemId);

    /** A seller's items by review status, for the reviewer's history of the seller. */
    long countOfSeller(long sellerId, ItemStatus status);

    /** The item's images in order (removed ones included: callers filter by what they may see). */
    List<ItemImage> images(long itemId);

    Optional<ItemImage> image(long imageId);

    void add(ItemImage image);

    void delete(ItemImage image);

    /** Marks all of a seller's items changed (their visibility follows the seller's ban). */
    void touchSeller(long sellerId, java.time.Instant now);

    /** Marks the items published in these categories changed (the search index keeps category names). */
    void touchCategories(java.util.Collection<Long> categoryIds, java.time.Instant now);
}
