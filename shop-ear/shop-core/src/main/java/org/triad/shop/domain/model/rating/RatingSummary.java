package org.triad.shop.domain.model.rating;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an item or a seller is rated: the number of ratings, their average with one decimal (half up; null when there
 * are none) and how many gave each number of stars ({@code "1"} to {@code "5"}, zeros included).
 */
public record RatingSummary(long count, BigDecimal average, Map<String, Long> distribution) implements Serializable {

    /** From the number of ratings per star (index 1 to 5 of {@code perStar}; index 0 unused). */
    public static RatingSummary of(long[] perStar) {
        Map<String, Long> distribution = new LinkedHashMap<>();
        long count = 0;
        long sum = 0;
        for (int s = 1; s <= 5; s++) {
            long n = s < perStar.length ? perStar[s] : 0;
            distribution.put(Integer.toString(s), n);
            count += n;
            sum += n * s;
        }
        BigDecimal average = count == 0 ? null
                : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
        return new RatingSummary(count, average, distribution);
    }

    /** Ratings with this many stars (for screens: {@code #{s.withStars(5)}}). */
    public long withStars(int stars) {
        return distribution.getOrDefault(Integer.toString(stars), 0L);
    }

    /** The share of ratings with this many stars, 0 to 100 (for the bars on the screens). */
    public long percentWithStars(int stars) {
        return count == 0 ? 0 : Math.round(100.0 * withStars(stars) / count);
    }
}
