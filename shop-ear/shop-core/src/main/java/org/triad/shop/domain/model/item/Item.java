package org.triad.shop.domain.model.item;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.triad.common.persistence.InstantConverter;
import org.triad.shop.domain.model.shared.Ids;
import org.triad.shop.domain.model.shared.ShopRuleException;

/**
 * An item a seller offers. It has two copies of its {@link ItemContent}: the seller's working copy ({@code draft_*})
 * and the published copy ({@code pub_*}) that buyers see once a shop admin approved it. Editing the content of an
 * approved item sends it back to review and leaves the published copy (old price included) on sale until the new
 * one is approved. Stock and open/closed for sale are not reviewed.
 */
@Entity
@Table(name = "item")
public class Item {

    public static final int MAX_STOCK = 1_000_000;

    @Id
    private long id;

    @Column(name = "seller_id", nullable = false)
    private long sellerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ItemStatus status;

    @Column(name = "on_sale", nullable = false)
    private boolean onSale;

    @Column(nullable = false)
    private int stock;

    @Column(name = "draft_title", nullable = false)
    private String draftTitle;

    @Column(name = "draft_description", nullable = false)
    private String draftDescription;

    @Column(name = "draft_category_id", nullable = false)
    private long draftCategoryId;

    @Column(name = "draft_price_minor", nullable = false)
    private long draftPriceMinor;

    @Column(name = "draft_options", nullable = false)
    private String draftOptions;

    @Column(name = "pub_title")
    private String pubTitle;

    @Column(name = "pub_description")
    private String pubDescription;

    @Column(name = "pub_category_id")
    private Long pubCategoryId;

    @Column(name = "pub_price_minor")
    private Long pubPriceMinor;

    @Column(name = "pub_options")
    private String pubOptions;

    @Column(nullable = false)
    private String currency;

    @Column(name = "reject_reason")
    private String rejectReason;

    @Convert(converter = InstantConverter.class)
    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "reviewed_by")
    private Long reviewedBy;

    @Convert(converter = InstantConverter.class)
    @Column(name = "published_at")
    private Instant publishedAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Convert(converter = InstantConverter.class)
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Item() {
    }

    /** A new draft of a seller. */
    public Item(long sellerId, ItemContent content, int stock, Instant now) {
        this.id = Ids.next();
        this.sellerId = sellerId;
        this.status = ItemStatus.DRAFT;
        this.currency = Price.CURRENCY;
        this.createdAt = now;
        write(content);
        this.stock = checkedStock(stock);
        this.updatedAt = now;
    }

    private void write(ItemContent content) {
        this.draftTitle = content.title();
        this.draftDescription = content.description();
        this.draftCategoryId = content.categoryId();
        this.draftPriceMinor = content.price().minor();
        this.draftOptions = content.options();
    }

    private static int checkedStock(int stock) {
        if (stock < 0 || stock > MAX_STOCK) {
            throw ShopRuleException.invalid("stock", "Stock is a whole number from 0 to " + MAX_STOCK + ".");
        }
        return stock;
    }

    /** The seller changes the content. An approved item goes back to review; its published copy stays on sale. */
    public void edit(ItemContent content, Instant now) {
        if (content.equals(workingCopy())) {
            return;
        }
        write(content);
        switch (status) {
            case APPROVED -> {
                status = ItemStatus.IN_REVIEW;
                submittedAt = now;
            }
            case REJECTED -> status = ItemStatus.DRAFT;
            default -> {
                // a draft stays a draft; an item in review is reviewed as it now is
            }
        }
        rejectReason = null;
        updatedAt = now;
    }

    /** Images were added or removed: like an edit of the content, an approved item goes back to review. */
    public void imagesChanged(Instant now) {
        switch (status) {
            case APPROVED -> {
                status = ItemStatus.IN_REVIEW;
                submittedAt = now;
            }
            case REJECTED -> status = ItemStatus.DRAFT;
            default -> {
                // drafts and items in review take the change as they are
            }
        }
        updatedAt = now;
    }

    public void submitForReview(Instant now) {
        if (status == ItemStatus.IN_REVIEW || status == ItemStatus.APPROVED) {
            throw new ShopRuleException("item-not-draft", 409, null, "This item is in review or approved already.");
        }
        status = ItemStatus.IN_REVIEW;
        submittedAt = now;
        rejectReason = null;
        updatedAt = now;
    }

    /** A shop admin publishes the working copy; a first approval opens the item for sale. */
    public void approve(long adminId, Instant now) {
        requireInReview();
        boolean first = pubTitle == null;
        pubTitle = draftTitle;
        pubDescription = draftDescription;
        pubCategoryId = draftCategoryId;
        pubPriceMinor = draftPriceMinor;
        pubOptions = draftOptions;
        status = ItemStatus.APPROVED;
        reviewedAt = now;
        reviewedBy = adminId;
        publishedAt = now;
        if (first) {
            onSale = true;
        }
        updatedAt = now;
    }

    public void reject(long adminId, String reason, Instant now) {
        requireInReview();
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty() || r.length() > 500) {
            throw ShopRuleException.invalid("reason", "Give the seller a reason (at most 500 characters).");
        }
        status = ItemStatus.REJECTED;
        rejectReason = r;
        reviewedAt = now;
        reviewedBy = adminId;
        updatedAt = now;
    }

    private void requireInReview() {
        if (status != ItemStatus.IN_REVIEW) {
            throw new ShopRuleException("item-not-in-review", 409, null, "This item is not waiting for review.");
        }
    }

    /** @return the previous stock */
    public int adjustStock(int newStock, Instant now) {
        int old = stock;
        stock = checkedStock(newStock);
        updatedAt = now;
        return old;
    }

    public void openForSale(Instant now) {
        if (pubTitle == null) {
            throw new ShopRuleException("item-not-approved", 409, null, "An item goes on sale once it is approved.");
        }
        onSale = true;
        updatedAt = now;
    }

    public void closeForSale(Instant now) {
        onSale = false;
        updatedAt = now;
    }

    public boolean isPublished() {
        return pubTitle != null;
    }

    public ItemContent workingCopy() {
        return new ItemContent(draftTitle, draftDescription, draftCategoryId, new Price(draftPriceMinor),
                draftOptions);
    }

    /** The approved content buyers see, or null before the first approval. */
    public ItemContent publishedCopy() {
        return pubTitle == null ? null
                : new ItemContent(pubTitle, pubDescription, pubCategoryId, new Price(pubPriceMinor), pubOptions);
    }

    public boolean isOwnedBy(long userId) {
        return sellerId == userId;
    }

    public long id() {
        return id;
    }

    public long sellerId() {
        return sellerId;
    }

    public ItemStatus status() {
        return status;
    }

    public boolean isOnSale() {
        return onSale;
    }

    public int stock() {
        return stock;
    }

    public String rejectReason() {
        return rejectReason;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String currency() {
        return currency;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Item other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
