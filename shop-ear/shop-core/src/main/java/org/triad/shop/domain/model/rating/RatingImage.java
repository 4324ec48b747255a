package org.triad.shop.domain.model.rating;

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
import org.triad.shop.domain.model.item.ItemImage;
import org.triad.shop.domain.model.shared.Ids;

/** One image of a rating, as the shop re-encoded it (JPEG in the three sizes of item images; never the upload). */
@Entity
@Table(name = "rating_image")
public class RatingImage {

    @Id
    private long id;

    @Column(name = "rating_id", nullable = false)
    private long ratingId;

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

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected RatingImage() {
    }

    public RatingImage(long ratingId, int position, int width, int height, byte[] large, byte[] medium, byte[] thumb,
                       String etag, Instant now) {
        this.id = Ids.next();
        this.ratingId = ratingId;
        this.position = position;
        this.width = width;
        this.height = height;
        this.large = large;
        this.medium = medium;
        this.thumb = thumb;
        this.etag = etag;
        this.createdAt = now;
    }

    public byte[] bytes(ItemImage.Size size) {
        return switch (size) {
            case LARGE -> large;
            case MEDIUM -> medium;
            case THUMB -> thumb;
        };
    }

    public long id() {
        return id;
    }

    public long ratingId() {
        return ratingId;
    }

    public int position() {
        return position;
    }

    public String etag() {
        return etag;
    }
}
