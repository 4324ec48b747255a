package org.triad.shop.application;

import java.io.Serializable;
import java.util.List;

/** One page of hits (visible items, in order) with facet counts over all hits. */
public record SearchResult(List<ItemView> items, long total, List<Facet> categories, List<Facet> prices,
                           long inStock) implements Serializable {

    /** A facet value: a category slug, or a price range {@code min-max} in yuan ({@code 1000-} = and more). */
    public record Facet(String value, long count) implements Serializable {
    }
}
