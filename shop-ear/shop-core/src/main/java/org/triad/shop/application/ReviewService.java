package org.triad.shop.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.triad.shop.domain.model.category.Category;
import org.triad.shop.domain.model.category.CategoryRepository;
import org.triad.shop.domain.model.item.Item;
import org.triad.shop.domain.model.item.ItemImage;
import org.triad.shop.domain.model.item.ItemRepository;
import org.triad.shop.domain.model.item.ItemStatus;
import org.triad.shop.domain.model.shared.ShopRuleException;
import org.triad.shop.domain.model.user.ShopUser;
import org.triad.shop.domain.model.user.ShopUserRepository;

/** Shop admins: the review queue (approve, reject with a reason), banning sellers, the category tree. */
@Stateless
public class ReviewService {

    /** A seller's record as the reviewer sees it next to an item. */
    public record SellerHistory(long sellerId, String nickname, long approved, long rejected, long inReview,
                                boolean banned) {
    }

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

    public List<ItemView> queue(long adminId, int first, int max) {
        admin(adminId);
        return items.inReview(Math.max(0, first), Math.min(Math.max(1, max), 100)).stream()
                .map(i -> ItemView.forSeller(i, nickname(i.sellerId()))
                        .withImages(ImageIds.forSeller(items.images(i.id())))).toList();
    }

    public long queueSize(long adminId) {
        admin(adminId);
        return items.countInReview();
    }

    public SellerHistory sellerHistory(long adminId, long sellerId) {
        admin(adminId);
        ShopUser seller = users.find(sellerId).orElseThrow(() -> ShopRuleException.notFound("user"));
        return new SellerHistory(sellerId, seller.nickname(), items.countOfSeller(sellerId, ItemStatus.APPROVED),
                items.countOfSeller(sellerId, ItemStatus.REJECTED), items.countOfSeller(sellerId, ItemStatus.IN_REVIEW),
                seller.isBanned());
    }

    public ItemView approve(long adminId, long itemId) {
        admin(adminId);
        Item item = items.lock(itemId).orElseThrow(() -> ShopRuleException.notFound("item"));
        item.approve(adminId, Instant.now());
        for (ItemImage image : items.images(itemId)) {
            if (image.isRemoved()) {
                items.delete(image);
            } else {
                image.publish();
            }
        }
        changed("item");
        audit.record(adminId, "ITEM_APPROVED", "item:" + itemId, null);
        return ItemView.forSeller(item, nickname(item.sellerId())).withImages(ImageIds.forSeller(items.images(itemId)));
    }

    public ItemView reject(long adminId, long itemId, String reason) {
        admin(adminId);
        Item item = items.lock(itemId).orElseThrow(() -> ShopRuleException.notFound("item"));
        item.reject(adminId, reason, Instant.now());
        audit.record(adminId, "ITEM_REJECTED", "item:" + itemId, reason);
        return ItemView.forSeller(item, nickname(item.sellerId()));
    }

    /** Bans a seller: none of their items is shown or found any more, and they can no longer sell. */
    public void banSeller(long adminId, long sellerId, String reason) {
        admin(adminId);
        ShopUser seller = users.lock(sellerId).orElseThrow(() -> ShopRuleException.notFound("user"));
        if (seller.id() == adminId) {
            throw ShopRuleException.invalid("seller", "Admins cannot ban themselves.");
        }
        seller.ban(reason, Instant.now());
        items.touchSeller(sellerId, Instant.now());
        changed("seller");
        audit.record(adminId, "SELLER_BANNED", "user:" + sellerId, reason);
    }

    public void unbanSeller(long adminId, long sellerId) {
        admin(adminId);
        users.lock(sellerId).orElseThrow(() -> ShopRuleException.notFound("user")).unban();
        items.touchSeller(sellerId, Instant.now());
        changed("seller");
        audit.record(adminId, "SELLER_UNBANNED", "user:" + sellerId, null);
    }

    /** Sellers (and banned ones), newest first, for the admin's seller list. */
    public java.util.List<UserView> sellers(long adminId, int first, int max) {
        admin(adminId);
        return users.sellers(Math.max(0, first), Math.min(Math.max(1, max), 200)).stream().map(UserView::of).toList();
    }

    public CategoryView addCategory(long adminId, Long parentId, String slug, String nameEn, String nameZh) {
        admin(adminId);
        if (parentId != null && categories.find(parentId).isEmpty()) {
            throw ShopRuleException.invalid("parent", "There is no such parent category.");
        }
        int position = (int) categories.all().stream().filter(c -> java.util.Objects.equals(c.parentId(), parentId))
                .count() + 1;
        if (categories.all().stream().anyMatch(c -> c.slug().equals(slug))) {
            throw ShopRuleException.invalid("slug", "This slug is taken.");
        }
        Category category = new Category(parentId, slug, nameEn, nameZh, position);
        categories.add(category);
        audit.record(adminId, "CATEGORY_ADDED", "category:" + category.id(), slug);
        return CategoryView.of(category, 0);
    }

    public CategoryView renameCategory(long adminId, long categoryId, String nameEn, String nameZh) {
        admin(adminId);
        Category category = categories.find(categoryId).orElseThrow(() -> ShopRuleException.notFound("category"));
        category.rename(nameEn, nameZh);
        // the index keeps each item's category names with its parents': the items below this category follow
        items.touchCategories(withDescendants(categoryId), Instant.now());
        changed("category");
        audit.record(adminId, "CATEGORY_RENAMED", "category:" + categoryId, nameEn + " / " + nameZh);
        return CategoryView.of(category, 0);
    }

    private java.util.Set<Long> withDescendants(long categoryId) {
        List<Category> all = categories.all();
        java.util.Set<Long> ids = new java.util.HashSet<>(List.of(categoryId));
        for (boolean grew = true; grew; ) {
            grew = false;
            for (Category c : all) {
                if (c.parentId() != null && ids.contains(c.parentId()) && ids.add(c.id())) {
                    grew = true;
                }
            }
        }
        return ids;
    }

    private String nickname(long userId) {
        return users.find(userId).map(ShopUser::nickname).orElse("?");
    }

    private void admin(long userId) {
        ShopUser user = users.find(userId).orElse(null);
        if (user == null || !user.isShopAdmin()) {
            throw ShopRuleException.forbidden("not-a-shop-admin", "Only shop admins may do this.");
        }
    }
}
