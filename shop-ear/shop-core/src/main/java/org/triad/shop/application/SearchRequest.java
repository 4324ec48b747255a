package org.triad.shop.application;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A catalogue search: words (Chinese and/or English; empty = everything), filters (category slug with its
 * sub-categories, price range in yuan, in stock only), sort and page.
 */
public record SearchRequest(String text, String category, BigDecimal minPrice, BigDecimal maxPrice, boolean inStockOnly,
                            Sort sort, int first, int max) implements Serializable {

    public enum Sort { RELEVANCE, PRICE_ASC, PRICE_DESC, NEWEST, RATING }

    public SearchRequest {
        text = text == null ? "" : text.strip();
        if (text.length() > 200) {
            text = text.substring(0, 200);
        }
        sort = sort == null ? Sort.RELEVANCE : sort;
        first = Math.max(0, Math.min(first, 10_000));
        max = Math.max(1, Math.min(max, 60));
    }
}
