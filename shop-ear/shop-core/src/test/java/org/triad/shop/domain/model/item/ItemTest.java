package org.triad.shop.domain.model.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.triad.shop.domain.model.shared.ShopRuleException;

/** Exact prices, item content rules and the review life cycle, without a container. */
class ItemTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private static ItemContent content(String title, String price) {
        return new ItemContent(title, "desc", 2L, Price.parse(price), "size: S, M");
    }

    private static void refused(Runnable r, String type) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ShopRuleException.class,
                e -> assertThat(e.problemType()).isEqualTo(type));
    }

    @Test
    void pricesAreExactAndNeverRounded() {
        assertThat(Price.parse("12.5").minor()).isEqualTo(1250);
        assertThat(Price.parse("0.01").plain()).isEqualTo("0.01");
        assertThat(Price.parse("1000000.00").amount()).isEqualByComparingTo(new BigDecimal("1000000"));
        for (String bad : new String[] {"0", "0.00", "-1", "1.005", "1000000.01", "1e3", "12,50", "", " ", "NaN",
                "123456789012345678901"}) {
            refused(() -> Price.parse(bad), "invalid-price");
        }
    }

    @Test
    void contentRules() {
        refused(() -> content("x".repeat(121), "1.00"), "invalid-title");
        refused(() -> content("tab\u0007bell", "1.00"), "invalid-title");
        assertThat(content("  many   spaces  ", "1.00").title()).isEqualTo("many spaces");
        assertThat(new ItemContent("T", "", 1L, Price.parse("1"), "colour: red，blue\n\nsize: S").options())
                .isEqualTo("colour: red, blue\nsize: S");
        refused(() -> new ItemContent("T", "", 1L, Price.parse("1"), "size: S\nsize: M"), "invalid-options");
        refused(() -> new ItemContent("T", "", 1L, Price.parse("1"), ": S"), "invalid-options");
    }

    @Test
    void anApprovedItemsEditGoesBackToReviewAndKeepsThePublishedCopy() {
        Item item = new Item(7L, content("Tea", "10.00"), 5, NOW);
        assertThat(item.isPublished()).isFalse();
        refused(() -> item.approve(1L, NOW), "item-not-in-review");
        refused(() -> item.openForSale(NOW), "item-not-approved");
        item.submitForReview(NOW);
        refused(() -> item.submitForReview(NOW), "item-not-draft");
        item.approve(1L, NOW);
        assertThat(item.isOnSale()).isTrue();
        assertThat(item.status()).isEqualTo(ItemStatus.APPROVED);

        item.edit(content("Tea", "12.00"), NOW);
        assertThat(item.status()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(item.publishedCopy().price().plain()).isEqualTo("10.00");
        assertThat(item.workingCopy().price().plain()).isEqualTo("12.00");
        item.reject(1L, "Too expensive.", NOW);
        assertThat(item.publishedCopy().price().plain()).isEqualTo("10.00");
        assertThat(item.isOnSale()).isTrue();
        refused(() -> item.reject(1L, " ", NOW), "item-not-in-review");
        item.edit(content("Tea", "11.00"), NOW);
        assertThat(item.status()).isEqualTo(ItemStatus.DRAFT);
        item.submitForReview(NOW);
        item.approve(1L, NOW);
        assertThat(item.publishedCopy().price().plain()).isEqualTo("11.00");

        // the same content again is no edit
        item.edit(content("Tea", "11.00"), NOW);
        assertThat(item.status()).isEqualTo(ItemStatus.APPROVED);
        refused(() -> item.adjustStock(-1, NOW), "invalid-stock");
        assertThat(item.adjustStock(0, NOW)).isEqualTo(5);
        assertThat(item.isOwnedBy(7L)).isTrue();
        assertThat(item.isOwnedBy(8L)).isFalse();
    }
}
