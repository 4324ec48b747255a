package org.triad.shop.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.triad.shop.domain.model.category.CategoryRepository;
import org.triad.shop.domain.model.item.Item;
import org.triad.shop.domain.model.item.ItemContent;
import org.triad.shop.domain.model.item.ItemImage;
import org.triad.shop.infrastructure.images.ImageProcessor;
import org.triad.shop.domain.model.item.ItemRepository;
import org.triad.shop.domain.model.shared.ShopRuleException;
import org.triad.shop.domain.model.user.ShopUser;
import org.triad.shop.domain.model.user.ShopUserRepository;

/**
 * The seller centre: a seller's own items. Only sellers (bound payout card, terms accepted, not banned) may call
 * these; another seller's item answers {@code item-not-found} (404) exactly like an item that does not exist, and
 * nothing changes. One transaction per method.
 */
@Stateless
public class SellerService {

    @Inject
    ShopUserRepository users;

    @Inject
    ItemRepository items;

    @Inject
    CategoryRepository categories;

    @Inject
    ShopAudit audit;

    @Inject
    jakarta.enterprise.event.Event<org.triad.shop.infrastructure.search.CatalogueChanged> catalogueChanged;

    private void changed(String what) {
        catalogueChanged.fire(new org.triad.shop.infrastructure.search.CatalogueChanged(what));
    }

    @Inject
    ImageProcessor images;

    /** At most this many images an item (removed ones still shown to buyers do not count). */
    public static final int MAX_IMAGES = 6;

    public ItemView create(long sellerId, ItemForm form) {
        ShopUser seller = seller(sellerId);
        ItemContent content = checked(form.content());
        Item item = new Item(seller.id(), content, form.checkedStock(), Instant.now());
        items.add(item);
        audit.record(sellerId, "ITEM_CREATED", "item:" + item.id(), content.title());
        return view(item, seller);
    }

    /** Edits content and stock; an approved item whose content changes goes back to review. */
    public ItemView edit(long sellerId, long itemId, ItemForm form) {
        ShopUser seller = seller(sellerId);
        Item item = own(sellerId, itemId);
        ItemContent content = checked(form.content());
        int stock = form.checkedStock();
        Instant now = Instant.now();
        item.edit(content, now);
        int old = item.adjustStock(stock, now);
        changed("item");
        audit.record(sellerId, "ITEM_EDITED", "item:" + itemId, "status " + item.status());
        if (old != stock) {
            audit.record(sellerId, "STOCK_ADJUSTED", "item:" + itemId, old + " -> " + stock);
        }
        return view(item, seller);
    }

    public ItemView submit(long sellerId, long itemId) {
        ShopUser seller = seller(sellerId);
        Item item = own(sellerId, itemId);
        item.submitForReview(Instant.now());
        audit.record(sellerId, "ITEM_SUBMITTED", "item:" + itemId, null);
        return view(item, seller);
    }

    public ItemView adjustStock(long sellerId, long itemId, int stock) {
        ShopUser seller = seller(sellerId);
        Item item = own(sellerId, itemId);
        int old = item.adjustStock(stock, Instant.now());
        changed("item");
        audit.record(sellerId, "STOCK_ADJUSTED", "item:" + itemId, old + " -> " + stock);
        return view(item, seller);
    }

    public ItemView setOnSale(long sellerId, long itemId, boolean onSale) {
        ShopUser seller = seller(sellerId);
        Item item = own(sellerId, itemId);
        if (onSale) {
            item.openForSale(Instant.now());
        } else {
            item.closeForSale(Instant.now());
        }
        changed("item");
        audit.record(sellerId, onSale ? "ITEM_OPENED" : "ITEM_CLOSED", "item:" + itemId, null);
        return view(item, seller);
    }

    /**
     * Adds an image: checked and re-encoded by {@link ImageProcessor} before anything is stored (a refused file
     * stores nothing). On an approved item it is published with the next approval, which this sends it to.
     */
    public ItemView addImage(long sellerId, long itemId, byte[] upload) {
        ShopUser seller = seller(sellerId);
        Item item = own(sellerId, itemId);
        List<ItemImage> current = items.images(itemId).stream().filter(m -> !m.isRemoved()).toList();
        if (current.size() >= MAX_IMAGES) {
            throw new ShopRuleException("too-many-images", 422, "image", "An item has at most " + MAX_IMAGES
                    + " images.");
        }
        ImageProcessor.Processed p = images.process(upload);
        int position = current.stream().mapToInt(ItemImage::position).max().orElse(0) + 1;
        ItemImage image = new ItemImage(itemId, position, p.width(), p.height(), p.large(), p.medium(), p.thumb(),
                p.etag(), Instant.now());
        items.add(image);
        item.imagesChanged(Instant.now());
        changed("item");
        audit.record(sellerId, "IMAGE_ADDED", "item:" + itemId, "image " + image.id() + " " + p.width() + "x"
                + p.height());
        return view(item, seller);
    }

    public ItemView removeImage(long sellerId, long itemId, long imageId) {
        ShopUser seller = seller(sellerId);
        Item item = own(sellerId, itemId);
        ItemImage image = items.image(imageId).filter(m -> m.itemId() == itemId && !m.isRemoved())
                .orElseThrow(() -> ShopRuleException.notFound("image"));
        if (image.isPublished()) {
            image.remove();
        } else {
            items.delete(image);
        }
        item.imagesChanged(Instant.now());
        audit.record(sellerId, "IMAGE_REMOVED", "item:" + itemId, "image " + imageId);
        return view(item, seller);
    }

    private ItemView view(Item item, ShopUser seller) {
        return ItemView.forSeller(item, seller.nickname()).withImages(ImageIds.forSeller(items.images(item.id())));
    }

    public List<ItemView> myItems(long sellerId, int first, int max) {
        ShopUser seller = seller(sellerId);
        return items.ofSeller(sellerId, Math.max(0, first), Math.min(Math.max(1, max), 100)).stream()
                .map(i -> ItemView.forSeller(i, seller.nickname())).toList();
    }

    public ItemView myItem(long sellerId, long itemId) {
        ShopUser seller = seller(sellerId);
        return view(own(sellerId, itemId), seller);
    }

    private ItemContent checked(ItemContent content) {
        if (categories.find(content.categoryId()).isEmpty()) {
            throw ShopRuleException.invalid("category", "Choose one of the shop's categories.");
        }
        return content;
    }

    private ShopUser seller(long userId) {
        ShopUser user = users.find(userId).orElseThrow(() -> ShopRuleException.notFound("user"));
        if (!user.isSeller()) {
            throw ShopRuleException.forbidden("not-a-seller", user.isBanned() ? "This account may not sell."
                    : "Bind a payout card and accept the seller terms to sell.");
        }
        return user;
    }

    private Item own(long sellerId, long itemId) {
        Item item = items.lock(itemId).orElseThrow(() -> ShopRuleException.notFound("item"));
        if (!item.isOwnedBy(sellerId)) {
            throw ShopRuleException.notFound("item");
        }
        return item;
    }
}
