package org.triad.shop.application;

import java.io.Serializable;
import org.triad.shop.domain.model.item.ItemContent;
import org.triad.shop.domain.model.item.Price;
import org.triad.shop.domain.model.shared.ShopRuleException;

/** An item as a seller enters it: the price as decimal text (exact, checked, never rounded). */
public record ItemForm(String title, String description, Long categoryId, String price, Integer stock,
                       String options) implements Serializable {

    ItemContent content() {
        if (categoryId == null) {
            throw ShopRuleException.invalid("category", "Choose a category.");
        }
        return new ItemContent(title, description, categoryId, Price.parse(price), options);
    }

    int checkedStock() {
        if (stock == null) {
            throw ShopRuleException.invalid("stock", "Enter the stock.");
        }
        return stock;
    }
}
