package org.triad.shop.application;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import org.triad.shop.domain.model.item.Item;
import org.triad.shop.domain.model.item.ItemContent;
import org.triad.shop.domain.model.item.ItemStatus;

/**
 * An item for screens and resources. {@code working} is the seller's copy, {@code published} what buyers see (null
 * before the first approval); buyers only ever get views whose {@code working} is the published copy.
 */
public record ItemView(long id, long sellerId, String sellerName, ItemStatus status, boolean onSale, int stock,
                       Content working, Content published, String rejectReason, Instant submittedAt,
                       Instant publishedAt, Instant updatedAt, java.util.List<Long> imageIds) implements Serializable {

    /** The same view with these images (ids in order; served at {@code /images/<id>/<size>}). */
    public ItemView withImages(java.util.List<Long> ids) {
        return new ItemView(id, sellerId, sellerName, status, onSale, stock, working, published, rejectReason,
                submittedAt, publishedAt, updatedAt, java.util.List.copyOf(ids));
    }

    public record Content(String title, String description, long categoryId, BigDecimal price, String options)
            implements Serializable {

        static Content of(ItemContent c) {
            return c == null ? null : new Content(c.title(), c.description(), c.categoryId(), c.price().amount(),
                    c.options());
        }
    }

    static ItemView forSeller(Item i, String sellerName) {
        return new ItemView(i.id(), i.sellerId(), sellerName, i.status(), i.isOnSale(), i.stock(),
                Content.of(i.workingCopy()), Content.of(i.publishedCopy()), i.rejectReason(), i.submittedAt(),
                i.publishedAt(), i.updatedAt(), java.util.List.of());
    }

    /** What a buyer sees: the published copy only. */
    static ItemView forBuyer(Item i, String sellerName) {
        Content pub = Content.of(i.publishedCopy());
        return new ItemView(i.id(), i.sellerId(), sellerName, ItemStatus.APPROVED, i.isOnSale(), i.stock(), pub, pub,
                null, null, i.publishedAt(), i.publishedAt(), java.util.List.of());
    }

    /** The content buyers see, or the working copy where nothing is published yet. */
    public Content shown() {
        return published != null ? published : working;
    }
}
