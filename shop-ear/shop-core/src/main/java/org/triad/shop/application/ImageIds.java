package org.triad.shop.application;

import java.util.List;
import org.triad.shop.domain.model.item.ItemImage;

/** Which of an item's images each audience sees. */
final class ImageIds {

    private ImageIds() {
    }

    /** The seller's and the reviewer's view: what the item will look like (removed ones gone, new ones there). */
    static List<Long> forSeller(List<ItemImage> images) {
        return images.stream().filter(m -> !m.isRemoved()).map(ItemImage::id).toList();
    }

    /** Buyers: what was approved (a removed image stays until the next approval, a new one waits for it). */
    static List<Long> forBuyer(List<ItemImage> images) {
        return images.stream().filter(ItemImage::isPublished).map(ItemImage::id).toList();
    }
}
