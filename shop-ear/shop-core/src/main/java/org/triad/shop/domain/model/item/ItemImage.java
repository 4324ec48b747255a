package org.triad.shop.domain.model.item;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import org.triad.common.persistence.InstantConverter;
import org.triad.shop.domain.model.shared.Ids;

/**
 * One image of an item, as the shop re-encoded it (JPEG in three sizes; the uploaded bytes are never kept). Buyers
 * see the {@code published} ones; a new image is published by the item's next approval, a removed one stays shown
 * until then (the approved version stays on sale as it was).
 */
@Entity
@Table(name = "item_image")
public class ItemImage {

    public enum Size { LARGE, MEDIUM, THUMB }

    @Id
    private long id;

    @Column(name = "item_id", nullable = false)
    private long itemId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private int width;

    @Column(nullable = false)
    private int height;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "large_jpeg", nullable = false)
    private byte[] large;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "medium_jpeg", nullable = false)
    private byte[] medium;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "thumb_jpeg", nullable = false)
    private byte[] thumb;

    @Column(nullable = false)
    private String etag;

    @Column(nullable = false)
    private boolean published;

    @Column(nullable = false)
    private boolean removed;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ItemImage() {
    }

    public ItemImage(long itemId, int position, int width, int height, byte[] large, byte[] medium, byte[] thumb,
                     String etag, Instant now) {
        this.id = Ids.next();
        this.itemId = itemId;
        this.position = position;
        this.width = width;
        this.height = height;
        this.large = large;
        this.medium = medium;
        this.thumb = thumb;
        this.etag = etag;
        this.createdAt = now;
    }

    /** The seller removes it: gone for the seller now, for buyers at the next approval. */
    public void remove() {
        removed = true;
    }

    public void publish() {
        published = true;
    }

    public byte[] bytes(Size size) {
        return switch (size) {
            case LARGE -> large;
            case MEDIUM -> medium;
            case THUMB -> thumb;
        };
    }

    public long id() {
        return id;
    }

    public long itemId() {
        return itemId;
    }

    public int position() {
        return position;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public String etag() {
        return etag;
    }

    public boolean isPublished() {
        return published;
    }

    public boolean isRemoved() {
        return removed;
    }
}
