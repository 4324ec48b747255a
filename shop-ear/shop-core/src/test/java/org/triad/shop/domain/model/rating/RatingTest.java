package org.triad.shop.domain.model.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.triad.shop.domain.model.order.OrderLine;
import org.triad.shop.domain.model.order.ShopOrder;
import org.triad.shop.domain.model.shared.ShopRuleException;

class RatingTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private static ShopOrder order() {
        return new ShopOrder(1L, 100L, 200L, "cref-1", NOW);
    }

    private static void refused(Runnable call, String type, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ShopRuleException.class, e -> {
            assertThat(e.problemType()).isEqualTo(type);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    @Test
    void aRatingHasOneToFiveStarsAndAnOptionalTextOfAtMost2000Characters() {
        ShopOrder order = order();
        OrderLine line = order.addLine(1, 7L, "Tea", "", 1230, 2);
        for (Integer stars : new Integer[] {null, 0, 6, -3}) {
            refused(() -> new Rating(order, line, stars, "x", NOW), "invalid-stars", "stars");
        }
        refused(() -> new Rating(order, line, 3, "茶".repeat(2001), NOW), "invalid-text", "text");
        Rating rating = new Rating(order, line, 5, "  好茶 " + "a".repeat(1996) + "  ", NOW);
        assertThat(rating.text()).hasSize(1999).startsWith("好茶");
        assertThat(new Rating(order, line, 1, null, NOW).text()).isEmpty();
        assertThat(rating.buyerId()).isEqualTo(100L);
        assertThat(rating.sellerId()).isEqualTo(200L);
        assertThat(rating.itemId()).isEqualTo(7L);
        assertThat(rating.orderLineId()).isEqualTo(line.id());
    }

    @Test
    void onlyTheSellerAnswersAndOnlyOnce() {
        ShopOrder order = order();
        Rating rating = new Rating(order, order.addLine(1, 7L, "Tea", "", 1230, 1), 4, "Good", NOW);
        refused(() -> rating.answer(999L, "Not mine", NOW), "rating-not-found", null);
        refused(() -> rating.answer(200L, "  ", NOW), "invalid-answer", "answer");
        refused(() -> rating.answer(200L, "x".repeat(2001), NOW), "invalid-answer", "answer");
        assertThat(rating.isAnswered()).isFalse();
        rating.answer(200L, " Thanks! ", NOW);
        assertThat(rating.answer()).isEqualTo("Thanks!");
        assertThat(rating.answeredAt()).isEqualTo(NOW);
        refused(() -> rating.answer(200L, "Again", NOW), "rating-answered", "answer");
        assertThat(rating.answer()).isEqualTo("Thanks!");
    }

    @Test
    void theSummaryCountsAveragesWithOneDecimalHalfUpAndListsEveryStar() {
        RatingSummary none = RatingSummary.of(new long[6]);
        assertThat(none.count()).isZero();
        assertThat(none.average()).isNull();
        assertThat(none.distribution()).containsExactly(java.util.Map.entry("1", 0L), java.util.Map.entry("2", 0L),
                java.util.Map.entry("3", 0L), java.util.Map.entry("4", 0L), java.util.Map.entry("5", 0L));
        assertThat(none.percentWithStars(5)).isZero();

        RatingSummary s = RatingSummary.of(new long[] {0, 0, 0, 0, 2, 1}); // 4, 4, 5 → 4.333
        assertThat(s.count()).isEqualTo(3);
        assertThat(s.average()).isEqualByComparingTo("4.3");
        assertThat(s.average().scale()).isEqualTo(1);
        assertThat(s.withStars(4)).isEqualTo(2);
        assertThat(s.percentWithStars(4)).isEqualTo(67);
        assertThat(RatingSummary.of(new long[] {0, 1, 0, 0, 0, 0, 0}).average()).isEqualByComparingTo("1.0");
        // 4.25 → 4.3 (half up), 4.75 → 4.8
        assertThat(RatingSummary.of(new long[] {0, 0, 0, 0, 3, 1}).average()).isEqualByComparingTo("4.3");
        assertThat(RatingSummary.of(new long[] {0, 0, 0, 0, 1, 3}).average()).isEqualByComparingTo("4.8");
    }
}
