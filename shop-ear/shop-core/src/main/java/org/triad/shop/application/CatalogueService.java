package org.triad.shop.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.triad.shop.domain.model.category.Category;
import org.triad.shop.domain.model.category.CategoryRepository;
import org.triad.shop.domain.model.item.Item;
import org.triad.shop.domain.model.item.ItemImage;
import org.triad.shop.domain.model.item.ItemRepository;
import org.triad.shop.domain.model.shared.ShopRuleException;
import org.triad.shop.domain.model.user.ShopUser;
import org.triad.shop.domain.model.user.ShopUserRepository;

/**
 * What buyers see: only approved items (their published copy) that are open for sale and whose seller is not
 * banned. An item nobody may see answers {@code item-not-found} (404) to everyone except its seller and shop admins.
 */
@Stateless
public class CatalogueService {

    public record Page(List<ItemView> items, long total, int first, int max) {
    }

    @Inject
    ItemRepository items;

    @Inject
    CategoryRepository categories;

    @Inject
    ShopUserRepository users;

    @Inject
    org.triad.shop.infrastructure.search.CatalogueIndex index;

    /**
     * Full-text search (Lucene, Chinese and English) with facets and sort; the hits are read back from the database
     * and only items visible now are returned (the index may lag a change on another instance by a few seconds).
     */
    public SearchResult search(SearchRequest request) {
        var hits = index.search(request);
        List<ItemView> page = new ArrayList<>();
        for (Long id : hits.ids()) {
            if (items.isVisible(id)) {
                items.find(id).ifPresent(i -> page.add(ItemView.forBuyer(i, nickname(i.sellerId()))
                        .withImages(ImageIds.forBuyer(items.images(i.id())))));
            }
        }
        return new SearchResult(page, hits.total(), hits.categories(), hits.prices(), hits.inStock());
    }

    /** Title suggestions for what has been typed so far (prefix, typo-tolerant). */
    public List<String> suggest(String prefix) {
        return index.suggest(prefix, 8);
    }

    /** The whole tree, parents first, with depths. */
    public List<CategoryView> categoryTree() {
        List<Category> all = categories.all();
        Map<Long, Integer> depth = new HashMap<>();
        List<CategoryView> out = new ArrayList<>();
        for (Category c : all) {
            int d = c.parentId() == null ? 0 : depth.getOrDefault(c.parentId(), 0) + 1;
            depth.put(c.id(), d);
            out.add(CategoryView.of(c, d));
        }
        return out;
    }

    public Optional<CategoryView> category(String slug) {
        return categoryTree().stream().filter(c -> c.slug().equals(slug)).findFirst();
    }

    /** Newest visible items, in a category and its sub-categories (or all when {@code categoryId} is null). */
    public Page visible(Long categoryId, int first, int max) {
        List<Long> ids = categoryId == null ? null : subtree(categoryId);
        int f = Math.max(0, first);
        int m = Math.min(Math.max(1, max), 60);
        List<ItemView> page = items.visible(ids, f, m).stream().map(i -> ItemView.forBuyer(i, nickname(i.sellerId()))
                .withImages(ImageIds.forBuyer(items.images(i.id()))))
                .toList();
        return new Page(page, items.countVisible(ids), f, m);
    }

    /**
     * The item page: buyers see the published copy of a visible item; its seller and shop admins see any of their
     * items (working copy included). Anyone else gets {@code item-not-found}.
     *
     * @param viewerId the signed-in user, or null
     */
    public ItemView item(long itemId, Long viewerId) {
        Item item = items.find(itemId).orElseThrow(() -> ShopRuleException.notFound("item"));
        ShopUser viewer = viewerId == null ? null : users.find(viewerId).orElse(null);
        boolean privileged = viewer != null && (item.isOwnedBy(viewer.id()) || viewer.isShopAdmin());
        if (items.isVisible(itemId) && !privileged) {
            return ItemView.forBuyer(item, nickname(item.sellerId()))
                    .withImages(ImageIds.forBuyer(items.images(itemId)));
        }
        if (privileged) {
            return ItemView.forSeller(item, nickname(item.sellerId()))
                    .withImages(ImageIds.forSeller(items.images(itemId)));
        }
        throw ShopRuleException.notFound("item");
    }

    /** One size of an image, with its ETag, if the viewer may see it (as for {@link #item}). */
    public record ImageBytes(byte[] jpeg, String etag) {
    }

    public Optional<ImageBytes> image(long imageId, ItemImage.Size size, Long viewerId) {
        ItemImage image = items.image(imageId).orElse(null);
        if (image == null) {
            return Optional.empty();
        }
        Item item = items.find(image.itemId()).orElse(null);
        ShopUser viewer = viewerId == null ? null : users.find(viewerId).orElse(null);
        boolean privileged = item != null && viewer != null && (item.isOwnedBy(viewer.id()) || viewer.isShopAdmin());
        boolean publicImage = item != null && image.isPublished() && items.isVisible(item.id());
        if (!privileged && !publicImage) {
            return Optional.empty();
        }
        return Optional.of(new ImageBytes(image.bytes(size), image.etag() + "-" + size.name().toLowerCase()));
    }

    private List<Long> subtree(long root) {
        List<Category> all = categories.all();
        List<Long> ids = new ArrayList<>(List.of(root));
        for (int i = 0; i < ids.size(); i++) {
            long parent = ids.get(i);
            all.stream().filter(c -> Objects.equals(c.parentId(), parent)).forEach(c -> ids.add(c.id()));
        }
        return ids;
    }

    private String nickname(long userId) {
        return users.find(userId).map(ShopUser::nickname).orElse("?");
    }
}
