package org.triad.shop.application.ratings;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.triad.shop.application.ShopAudit;
import org.triad.shop.application.ShopMail;
import org.triad.shop.domain.model.item.Item;
import org.triad.shop.domain.model.item.ItemImage;
import org.triad.shop.domain.model.item.ItemRepository;
import org.triad.shop.domain.model.order.OrderLine;
import org.triad.shop.domain.model.order.OrderRepository;
import org.triad.shop.domain.model.order.OrderStatus;
import org.triad.shop.domain.model.order.ShopOrder;
import org.triad.shop.domain.model.rating.Rating;
import org.triad.shop.domain.model.rating.RatingImage;
import org.triad.shop.domain.model.rating.RatingRepository;
import org.triad.shop.domain.model.rating.RatingSummary;
import org.triad.shop.domain.model.shared.ShopRuleException;
import org.triad.shop.domain.model.user.ShopUser;
import org.triad.shop.domain.model.user.ShopUserRepository;
import org.triad.shop.infrastructure.images.ImageProcessor;

/**
 * Ratings of order lines. The rules, each refused with a problem type and nothing stored:
 * <ul>
 * <li>only the order's buyer rates: another user's order (or a line not of that order) is 404 like one that does
 *     not exist ({@code order-not-found}, {@code order-line-not-found});</li>
 * <li>only a line of a {@code COMPLETED} order (409 {@code order-not-completed});</li>
 * <li>once per line (409 {@code rating-exists}; the unique key on the line is the last guard against a race);</li>
 * <li>1 to 5 stars (422 {@code invalid-stars}); the text is optional — the stars are the rating — and at most
 *     2,000 characters (422 {@code invalid-text});</li>
 * <li>up to 3 images (422 {@code too-many-rating-images}), each checked and re-encoded by the item images'
 *     {@link ImageProcessor} ({@code invalid-image}); images can be added until the seller has answered
 *     (409 {@code rating-answered});</li>
 * <li>the seller of the rated line answers once (409 {@code rating-answered}); another seller gets 404
 *     {@code rating-not-found}.</li>
 * </ul>
 * One transaction per method; the order row is locked while a line is rated.
 */
@Stateless
public class RatingService {

    public static final int MAX_PAGE = 100;

    @Inject
    RatingRepository ratings;

    @Inject
    OrderRepository orders;

    @Inject
    ItemRepository items;

    @Inject
    ShopUserRepository users;

    @Inject
    ImageProcessor imageProcessor;

    @Inject
    ShopAudit audit;

    @Inject
    Event<ShopMail> mail;

    /** The buyer rates a line of a completed order, with up to three images (each re-encoded, or all refused). */
    public RatingView rate(long buyerId, long orderId, long lineId, Integer stars, String text, List<byte[]> images) {
        orders.order(orderId).filter(o -> o.buyerId() == buyerId)
                .orElseThrow(() -> ShopRuleException.notFound("order"));
        ShopOrder order = orders.lockOrder(orderId).orElseThrow();
        OrderLine line = orders.lines(orderId).stream().filter(l -> l.id() == lineId).findFirst()
                .orElseThrow(() -> ShopRuleException.notFound("order-line"));
        if (order.status() != OrderStatus.COMPLETED) {
            throw new ShopRuleException("order-not-completed", 409, null,
                    "A line can be rated once its order is completed; this order is " + order.status() + ".");
        }
        if (ratings.ofLine(lineId).isPresent()) {
            throw new ShopRuleException("rating-exists", 409, null, "This order line has been rated already.");
        }
        List<byte[]> uploads = images == null ? List.of() : images.stream().filter(b -> b != null && b.length > 0)
                .toList();
        if (uploads.size() > Rating.MAX_IMAGES) {
            throw tooManyImages();
        }
        Instant now = Instant.now();
        Rating rating = new Rating(order, line, stars, text, now);
        // every image is checked before anything is stored: one bad file refuses the rating
        List<ImageProcessor.Processed> processed = uploads.stream().map(imageProcessor::process).toList();
        ratings.add(rating);
        int position = 0;
        for (ImageProcessor.Processed p : processed) {
            ratings.add(image(rating, ++position, p, now));
        }
        audit.record(buyerId, "RATING_GIVEN", "order-line:" + lineId, rating.stars() + " stars, rating "
                + rating.id());
        ShopUser seller = users.find(order.sellerId()).orElse(null);
        if (seller != null && seller.email() != null) {
            mail.fire(new ShopMail(seller.email(), "Triad Shop: a buyer rated " + line.title(),
                    "Hello " + seller.nickname() + ",\n\n" + rating.stars() + " of 5 stars for " + line.title()
                            + " (order " + orderId + "). You can answer once in the seller centre, Ratings.\n"));
        }
        return view(rating, line.title(), processedIds(rating.id()), new HashMap<>());
    }

    /** The buyer adds an image to their rating (REST: one file a request), until it has three or is answered. */
    public RatingView addImage(long buyerId, long orderId, long lineId, byte[] upload) {
        ShopOrder order = orders.order(orderId).filter(o -> o.buyerId() == buyerId)
                .orElseThrow(() -> ShopRuleException.notFound("order"));
        Rating rating = ratings.ofLine(lineId).filter(r -> r.orderId() == order.id())
                .flatMap(r -> ratings.lock(r.id())).orElseThrow(() -> ShopRuleException.notFound("rating"));
        if (rating.isAnswered()) {
            throw new ShopRuleException("rating-answered", 409, null,
                    "The seller has answered this rating; it does not change any more.");
        }
        int count = ratings.countImages(rating.id());
        if (count >= Rating.MAX_IMAGES) {
            throw tooManyImages();
        }
        ImageProcessor.Processed p = imageProcessor.process(upload);
        ratings.add(image(rating, count + 1, p, Instant.now()));
        audit.record(buyerId, "RATING_IMAGE_ADDED", "order-line:" + lineId, "rating " + rating.id());
        return view(rating, title(rating), processedIds(rating.id()), new HashMap<>());
    }

    /** The seller of the rated line answers, once. */
    public RatingView answer(long sellerId, long ratingId, String text) {
        Rating rating = ratings.lock(ratingId).filter(r -> r.sellerId() == sellerId)
                .orElseThrow(() -> ShopRuleException.notFound("rating"));
        rating.answer(sellerId, text, Instant.now());
        audit.record(sellerId, "RATING_ANSWERED", "order-line:" + rating.orderLineId(), "rating " + ratingId);
        return view(rating, title(rating), processedIds(rating.id()), new HashMap<>());
    }

    /** The buyer's (or the seller's) rating of a line; 404 for anyone else and for a line not rated. */
    public RatingView ofLine(long userId, long orderId, long lineId) {
        ShopOrder order = orders.order(orderId).filter(o -> o.concerns(userId))
                .orElseThrow(() -> ShopRuleException.notFound("order"));
        Rating rating = ratings.ofLine(lineId).filter(r -> r.orderId() == order.id())
                .orElseThrow(() -> ShopRuleException.notFound("rating"));
        return view(rating, title(rating), processedIds(rating.id()), new HashMap<>());
    }

    /** The ratings of an order by line id, for its buyer, its seller or a shop admin (else 404). */
    public Map<Long, RatingView> ofOrder(long userId, boolean admin, long orderId) {
        ShopOrder order = orders.order(orderId).filter(o -> admin || o.concerns(userId))
                .orElseThrow(() -> ShopRuleException.notFound("order"));
        List<Rating> list = ratings.ofOrder(order.id());
        Map<Long, List<Long>> images = ratings.imageIds(list.stream().map(Rating::id).toList());
        Map<Long, String> titles = new HashMap<>();
        orders.lines(orderId).forEach(l -> titles.put(l.id(), l.title()));
        Map<Long, String> names = new HashMap<>();
        Map<Long, RatingView> out = new HashMap<>();
        for (Rating r : list) {
            out.put(r.orderLineId(), view(r, titles.get(r.orderLineId()), images.getOrDefault(r.id(), List.of()),
                    names));
        }
        return out;
    }

    /**
     * The ratings of an item, newest first, with its summary: public for items buyers may see; others are 404
     * ({@code item-not-found}) except for the item's seller.
     */
    public RatingPage ofItem(long itemId, Long viewerId, int first, int max) {
        Item item = items.find(itemId).orElseThrow(() -> ShopRuleException.notFound("item"));
        if (!items.isVisible(itemId) && (viewerId == null || !item.isOwnedBy(viewerId))) {
            throw ShopRuleException.notFound("item");
        }
        int f = Math.max(0, first);
        int m = Math.max(1, Math.min(max, MAX_PAGE));
        return new RatingPage(ratings.summaryOfItem(itemId), views(ratings.ofItem(itemId, f, m)),
                ratings.countOfItem(itemId), f, m);
    }

    public RatingSummary summaryOfItem(long itemId) {
        return ratings.summaryOfItem(itemId);
    }

    /** How a seller is rated over all their items (public, like the seller's name on an item page). */
    public RatingSummary summaryOfSeller(long sellerId) {
        users.find(sellerId).filter(ShopUser::isSeller).orElseThrow(() -> ShopRuleException.notFound("seller"));
        return ratings.summaryOfSeller(sellerId);
    }

    /** The seller's own ratings (the seller centre), newest first; only unanswered ones if asked. */
    public RatingPage ofSeller(long sellerId, boolean unansweredOnly, int first, int max) {
        int f = Math.max(0, first);
        int m = Math.max(1, Math.min(max, MAX_PAGE));
        return new RatingPage(ratings.summaryOfSeller(sellerId), views(ratings.ofSeller(sellerId, unansweredOnly, f,
                m)), ratings.countOfSeller(sellerId, unansweredOnly), f, m);
    }

    /** The bytes of a rating image (public: ratings are). */
    public Optional<ImageBytes> image(long imageId, ItemImage.Size size) {
        return ratings.image(imageId).map(i -> new ImageBytes(i.bytes(size), i.etag() + "-" + size.name()
                .toLowerCase(java.util.Locale.ROOT)));
    }

    public record ImageBytes(byte[] jpeg, String etag) {
    }

    private List<RatingView> views(List<Rating> list) {
        Map<Long, List<Long>> images = ratings.imageIds(list.stream().map(Rating::id).toList());
        Map<Long, String> names = new HashMap<>();
        Map<Long, String> titles = new HashMap<>();
        return list.stream().map(r -> view(r, titles.computeIfAbsent(r.orderLineId(), k -> title(r)),
                images.getOrDefault(r.id(), List.of()), names)).toList();
    }

    private String title(Rating rating) {
        return orders.lines(rating.orderId()).stream().filter(l -> l.id() == rating.orderLineId()).findFirst()
                .map(OrderLine::title).orElse("");
    }

    private List<Long> processedIds(long ratingId) {
        return ratings.imageIds(List.of(ratingId)).getOrDefault(ratingId, List.of());
    }

    private RatingView view(Rating r, String title, List<Long> imageIds, Map<Long, String> names) {
        String buyer = names.computeIfAbsent(r.buyerId(), id -> masked(users.find(id).map(ShopUser::nickname)
                .orElse("")));
        return new RatingView(r.id(), r.orderId(), r.orderLineId(), r.itemId(), title, buyer, r.stars(), r.text(),
                List.copyOf(imageIds), r.answer(), r.answeredAt(), r.createdAt());
    }

    private static ShopRuleException tooManyImages() {
        return new ShopRuleException("too-many-rating-images", 422, "image",
                "A rating has at most " + Rating.MAX_IMAGES + " images.");
    }

    private static RatingImage image(Rating rating, int position, ImageProcessor.Processed p, Instant now) {
        return new RatingImage(rating.id(), position, p.width(), p.height(), p.large(), p.medium(), p.thumb(),
                p.etag(), now);
    }

    /** "alice" → "a***e", "文" → "文***": enough to tell ratings apart, not enough to find the buyer. */
    static String masked(String nickname) {
        int[] cps = nickname.strip().codePoints().toArray();
        if (cps.length == 0) {
            return "***";
        }
        String head = new String(cps, 0, 1);
        return cps.length < 3 ? head + "***" : head + "***" + new String(cps, cps.length - 1, 1);
    }
}
