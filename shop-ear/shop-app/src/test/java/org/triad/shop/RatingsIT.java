package org.triad.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.triad.common.domain.DomainException;
import org.triad.common.persistence.TriadDataSource;
import org.triad.shop.application.AccountService;
import org.triad.shop.application.BankCard;
import org.triad.shop.application.ItemForm;
import org.triad.shop.application.ItemView;
import org.triad.shop.application.ReviewService;
import org.triad.shop.application.SellerService;
import org.triad.shop.application.UserView;
import org.triad.shop.application.orders.CartService;
import org.triad.shop.application.orders.CheckoutSteps;
import org.triad.shop.application.orders.OrderService;
import org.triad.shop.application.orders.OrderView;
import org.triad.shop.application.orders.SettlementService;
import org.triad.shop.application.ratings.FeedbackService;
import org.triad.shop.application.ratings.FeedbackView;
import org.triad.shop.application.ratings.RatingPage;
import org.triad.shop.application.ratings.RatingService;
import org.triad.shop.application.ratings.RatingView;
import org.triad.shop.domain.model.item.ItemImage;
import org.triad.shop.domain.model.order.Checkout;
import org.triad.shop.domain.model.rating.RatingSummary;
import org.triad.shop.domain.model.user.CardPurpose;
import org.triad.shop.domain.model.user.ShopUser;
import org.triad.shop.infrastructure.bank.BankPayment;
import org.triad.testkit.Deployments;
import org.triad.testkit.TriadHttp;

/**
 * Ratings and feedback in the real shop.ear and its database. Orders are really placed (stock reserved), paid by a
 * bank event as the notify endpoint hands it over, shipped by the seller and completed by the buyer; then the rating
 * rules: only the buyer, only a completed order's line, once per line (also when four tries race; the unique key
 * holds on its own), 1–5 stars, text up to 2,000 characters, up to three images checked and re-encoded like item
 * images, the seller answers once, another seller or buyer gets 404; the item and seller summaries; the same over
 * REST with bank access tokens; the feedback form's rules and its hourly limit.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RatingsIT {

    private static final String SHOP = TestBank.SHOP_URL;
    private static final long TEA_WARE = 7;
    /** The REST tests' users (fixed subjects: the client side finds their newest completed order). */
    static final String REST_BUYER = "41001";
    static final String REST_SELLER = "41002";
    static final String REST_OTHER_SELLER = "41003";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear("shop", TestBank.EXTRA_CONFIG, TestBank.class, TestImages.class, RatingsIT.class);
    }

    @EJB
    AccountService accounts;

    @EJB
    SellerService sellers;

    @EJB
    ReviewService reviews;

    @EJB
    CartService carts;

    @EJB
    CheckoutSteps steps;

    @EJB
    SettlementService settlement;

    @EJB
    OrderService orders;

    @EJB
    RatingService ratings;

    @EJB
    FeedbackService feedback;

    private static String run() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    @Test
    @Order(1)
    void theBuyerRatesACompletedLineOnceWithImagesAndTheSellerAnswersOnce() throws Exception {
        String run = run();
        long buyer = user("rate-buyer-" + run);
        long seller = seller("rate-seller-" + run);
        long item = published(seller, "Rated tea " + run, "12.30");
        OrderView order = completedOrder(buyer, seller, Map.of(item, 2));
        long line = order.lines().get(0).id();

        RatingView rating = ratings.rate(buyer, order.id(), line, 5, "  Fresh and fragrant, 好茶.  ",
                List.of(TestImages.png(320, 200), TestImages.jpegWithExif(2400, 1600)));
        assertThat(rating.stars()).isEqualTo(5);
        assertThat(rating.text()).isEqualTo("Fresh and fragrant, 好茶.");
        assertThat(rating.itemId()).isEqualTo(item);
        assertThat(rating.itemTitle()).isEqualTo("Rated tea " + run);
        assertThat(rating.imageIds()).hasSize(2);
        assertThat(rating.buyerName()).contains("***").doesNotContain("rate-buyer-" + run);
        assertThat(rating.answered()).isFalse();

        // images are the shop's JPEGs (600 px medium, nothing of the upload's EXIF/GPS survives)
        RatingService.ImageBytes medium = ratings.image(rating.imageIds().get(1), ItemImage.Size.MEDIUM).orElseThrow();
        assertThat(medium.jpeg()[0] & 0xff).isEqualTo(0xFF);
        assertThat(medium.jpeg()[1] & 0xff).isEqualTo(0xD8);
        assertThat(TestImages.contains(medium.jpeg(), TestImages.GPS_MARKER)).isFalse();
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(medium.jpeg())).getWidth())
                .isEqualTo(600);
        assertThat(count("SELECT COUNT(*) FROM rating_image WHERE rating_id = ?", rating.id())).isEqualTo(2);

        // once per line
        refused(() -> ratings.rate(buyer, order.id(), line, 3, "Changed my mind", List.of()), "rating-exists", 409);
        assertThat(count("SELECT COUNT(*) FROM rating WHERE order_line_id = ?", line)).isEqualTo(1);
        assertThat(count("SELECT stars FROM rating WHERE order_line_id = ?", line)).isEqualTo(5);

        // the item's and the seller's summaries
        RatingPage page = ratings.ofItem(item, null, 0, 20);
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.ratings()).extracting(RatingView::id).containsExactly(rating.id());
        assertThat(page.summary().count()).isEqualTo(1);
        assertThat(page.summary().average()).isEqualByComparingTo("5.0");
        assertThat(page.summary().distribution()).containsExactly(Map.entry("1", 0L), Map.entry("2", 0L),
                Map.entry("3", 0L), Map.entry("4", 0L), Map.entry("5", 1L));
        assertThat(ratings.summaryOfSeller(seller).count()).isEqualTo(1);

        // another seller cannot answer (404, as if there were no such rating); a blank answer is refused
        long otherSeller = seller("rate-other-seller-" + run);
        refused(() -> ratings.answer(otherSeller, rating.id(), "Not my item"), "rating-not-found", 404);
        refused(() -> ratings.answer(buyer, rating.id(), "I am the buyer"), "rating-not-found", 404);
        refused(() -> ratings.answer(seller, rating.id(), "   "), "invalid-answer", 422);
        refused(() -> ratings.answer(seller, rating.id(), "x".repeat(2001)), "invalid-answer", 422);
        assertThat(count("SELECT COUNT(*) FROM rating WHERE id = ? AND answer IS NULL", rating.id())).isEqualTo(1);

        RatingView answered = ratings.answer(seller, rating.id(), "Thank you! 谢谢");
        assertThat(answered.answer()).isEqualTo("Thank you! 谢谢");
        assertThat(answered.answeredAt()).isNotNull();
        refused(() -> ratings.answer(seller, rating.id(), "A second answer"), "rating-answered", 409);
        assertThat(ratings.ofItem(item, null, 0, 20).ratings().get(0).answer()).isEqualTo("Thank you! 谢谢");
        // an answered rating takes no more images
        refused(() -> ratings.addImage(buyer, order.id(), line, TestImages.png(64, 64)), "rating-answered", 409);
        assertThat(count("SELECT COUNT(*) FROM shop_audit WHERE action = 'RATING_ANSWERED' AND actor_id = ?", seller))
                .isEqualTo(1);
    }

    @Test
    @Order(2)
    void onlyTheBuyerRatesOnlyCompletedLinesWithValidStarsTextAndImages() throws Exception {
        String run = run();
        long buyer = user("bad-buyer-" + run);
        long stranger = user("bad-stranger-" + run);
        long seller = seller("bad-seller-" + run);
        long tea = published(seller, "Bad-path tea " + run, "8.00");
        long cup = published(seller, "Bad-path cup " + run, "3.00");

        // paid, then shipped: not yet completed
        OrderView paid = paidOrder(buyer, Map.of(tea, 1));
        long paidLine = paid.lines().get(0).id();
        refused(() -> ratings.rate(buyer, paid.id(), paidLine, 4, "Too early", List.of()), "order-not-completed", 409);
        orders.ship(seller, paid.id(), "SF Express", "SF1234567");
        refused(() -> ratings.rate(buyer, paid.id(), paidLine, 4, "Still early", List.of()), "order-not-completed",
                409);

        OrderView done = completedOrder(buyer, seller, orderedMap(tea, 1, cup, 3));
        long teaLine = done.lines().stream().filter(l -> l.itemId() == tea).findFirst().orElseThrow().id();
        long cupLine = done.lines().stream().filter(l -> l.itemId() == cup).findFirst().orElseThrow().id();

        // another user's order line: 404 as for an order that does not exist; a line of another order: 404
        refused(() -> ratings.rate(stranger, done.id(), teaLine, 5, "Not mine", List.of()), "order-not-found", 404);
        refused(() -> ratings.rate(seller, done.id(), teaLine, 5, "Seller rating itself", List.of()),
                "order-not-found", 404);
        refused(() -> ratings.rate(buyer, done.id(), paidLine, 5, "Line of another order", List.of()),
                "order-line-not-found", 404);
        refused(() -> ratings.rate(buyer, 42L, teaLine, 5, "No such order", List.of()), "order-not-found", 404);

        // stars 1 to 5, text at most 2,000 characters (optional)
        for (Integer stars : new Integer[] {null, 0, 6, -1}) {
            refused(() -> ratings.rate(buyer, done.id(), teaLine, stars, "Bad stars", List.of()), "invalid-stars",
                    422);
        }
        refused(() -> ratings.rate(buyer, done.id(), teaLine, 4, "长".repeat(2001), List.of()), "invalid-text", 422);

        // images: at most three, each one checked like an item image; one bad file refuses the whole rating
        byte[] good = TestImages.png(64, 64);
        refused(() -> ratings.rate(buyer, done.id(), teaLine, 4, "Four photos", List.of(good, good, good, good)),
                "too-many-rating-images", 422);
        for (byte[] bad : List.of(TestImages.svg(), TestImages.polyglot(), TestImages.htmlNamedJpg(),
                TestImages.truncated(), TestImages.claimsHugeDimensions(), TestImages.oversized())) {
            refused(() -> ratings.rate(buyer, done.id(), teaLine, 4, "A bad photo", List.of(good, bad)),
                    "invalid-image", 422);
        }
        assertThat(count("SELECT COUNT(*) FROM rating WHERE order_id IN (?, ?)", paid.id(), done.id())).isZero();

        // the longest text and no text at all are fine
        RatingView tea4 = ratings.rate(buyer, done.id(), teaLine, 4, "长".repeat(2000), List.of(good, good, good));
        assertThat(tea4.text()).hasSize(2000);
        assertThat(tea4.imageIds()).hasSize(3);
        refused(() -> ratings.addImage(buyer, done.id(), teaLine, good), "too-many-rating-images", 422);
        RatingView cup3 = ratings.rate(buyer, done.id(), cupLine, 3, null, List.of());
        assertThat(cup3.text()).isEmpty();
        // another user cannot add images to it or read it
        refused(() -> ratings.addImage(stranger, done.id(), cupLine, good), "order-not-found", 404);
        refused(() -> ratings.ofLine(stranger, done.id(), cupLine), "order-not-found", 404);
        assertThat(ratings.addImage(buyer, done.id(), cupLine, good).imageIds()).hasSize(1);
        refused(() -> ratings.addImage(buyer, done.id(), cupLine, TestImages.svg()), "invalid-image", 422);
        assertThat(count("SELECT COUNT(*) FROM rating_image WHERE rating_id = ?", cup3.id())).isEqualTo(1);
    }

    @Test
    @Order(3)
    void racingRatingsOfOneLineStoreOneAndTheUniqueKeyHoldsOnItsOwn() throws Exception {
        String run = run();
        long buyer = user("race-buyer-" + run);
        long seller = seller("race-seller-" + run);
        long item = published(seller, "Race tea " + run, "5.00");
        OrderView order = completedOrder(buyer, seller, Map.of(item, 1));
        long line = order.lines().get(0).id();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> tries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int stars = i + 1;
            tries.add(pool.submit((Callable<String>) () -> {
                try {
                    ratings.rate(buyer, order.id(), line, stars, "Try " + stars, List.of());
                    return "stored";
                } catch (RuntimeException e) {
                    return problemType(e);
                }
            }));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : tries) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).containsOnly("stored", "rating-exists");
        assertThat(outcomes).filteredOn("stored"::equals).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM rating WHERE order_line_id = ?", line)).isEqualTo(1);

        // the last guard, without the service: a second row for the line is refused by the database
        try (Connection c = TriadDataSource.lookup().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO rating (id, order_line_id, order_id, item_id, buyer_id, seller_id, stars, body,"
                        + " created_at, version) VALUES (?, ?, ?, ?, ?, ?, 5, 'direct', ?, 0)")) {
            ps.setLong(1, Long.MAX_VALUE - ThreadLocalRandom.current().nextInt(1_000_000));
            ps.setLong(2, line);
            ps.setLong(3, order.id());
            ps.setLong(4, item);
            ps.setLong(5, buyer);
            ps.setLong(6, seller);
            ps.setObject(7, java.time.LocalDateTime.now());
            assertThatThrownBy(ps::executeUpdate).isInstanceOf(SQLException.class);
        }
        assertThat(count("SELECT COUNT(*) FROM rating WHERE order_line_id = ?", line)).isEqualTo(1);
    }

    @Test
    @Order(4)
    void summariesCountAverageWithOneDecimalAndDistributionPerItemAndSeller() throws Exception {
        String run = run();
        long seller = seller("sum-seller-" + run);
        long tea = published(seller, "Summary tea " + run, "10.00");
        long cup = published(seller, "Summary cup " + run, "2.00");
        assertThat(ratings.ofItem(tea, null, 0, 20).summary()).satisfies(s -> {
            assertThat(s.count()).isZero();
            assertThat(s.average()).isNull();
            assertThat(s.distribution().values()).containsOnly(0L);
        });
        int[] teaStars = {5, 4, 4};
        for (int i = 0; i < teaStars.length; i++) {
            long buyer = user("sum-buyer-" + run + "-" + i);
            OrderView o = completedOrder(buyer, seller, Map.of(tea, 1));
            ratings.rate(buyer, o.id(), o.lines().get(0).id(), teaStars[i], "Tea " + i, List.of());
        }
        long cupBuyer = user("sum-cup-buyer-" + run);
        OrderView cupOrder = completedOrder(cupBuyer, seller, Map.of(cup, 1));
        ratings.rate(cupBuyer, cupOrder.id(), cupOrder.lines().get(0).id(), 1, "Cracked", List.of());

        RatingSummary teaSummary = ratings.ofItem(tea, null, 0, 20).summary();
        assertThat(teaSummary.count()).isEqualTo(3);
        assertThat(teaSummary.average()).isEqualByComparingTo("4.3"); // 13 / 3 = 4.33
        assertThat(teaSummary.average().scale()).isEqualTo(1);
        assertThat(teaSummary.distribution()).containsEntry("5", 1L).containsEntry("4", 2L).containsEntry("1", 0L);
        RatingSummary sellerSummary = ratings.summaryOfSeller(seller);
        assertThat(sellerSummary.count()).isEqualTo(4);
        assertThat(sellerSummary.average()).isEqualByComparingTo("3.5"); // 14 / 4
        assertThat(sellerSummary.distribution()).containsEntry("1", 1L).containsEntry("4", 2L);
        // paging, newest first
        RatingPage first = ratings.ofItem(tea, null, 0, 2);
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.ratings()).extracting(RatingView::text).containsExactly("Tea 2", "Tea 1");
        assertThat(ratings.ofItem(tea, null, 2, 2).ratings()).extracting(RatingView::text).containsExactly("Tea 0");
        // the seller's list, and its unanswered part
        assertThat(ratings.ofSeller(seller, true, 0, 20).total()).isEqualTo(4);
        long someRating = first.ratings().get(0).id();
        ratings.answer(seller, someRating, "Glad you like it");
        assertThat(ratings.ofSeller(seller, true, 0, 20).ratings()).extracting(RatingView::id)
                .doesNotContain(someRating).hasSize(3);
        // an item buyers may not see has no public ratings
        sellers.setOnSale(seller, cup, false);
        refused(() -> ratings.ofItem(cup, null, 0, 20), "item-not-found", 404);
        assertThat(ratings.ofItem(cup, seller, 0, 20).total()).isEqualTo(1);
        sellers.setOnSale(seller, cup, true);
    }

    @Test
    @Order(5)
    void feedbackNeedsAMessageAndIsLimitedPerSenderAndHour() throws Exception {
        String run = run();
        long user = user("feedback-user-" + run);
        String visitor = FeedbackService.senderKey(null, "203.0.113." + ThreadLocalRandom.current().nextInt(255));
        assertThat(visitor).startsWith("a:").doesNotContain("203.0.113");
        long before = count("SELECT COUNT(*) FROM feedback");

        refused(() -> feedback.send(null, visitor, null, "   "), "invalid-message", 422);
        refused(() -> feedback.send(null, visitor, null, null), "invalid-message", 422);
        refused(() -> feedback.send(null, visitor, null, "x".repeat(4001)), "invalid-message", 422);
        refused(() -> feedback.send(null, visitor, "c".repeat(201), "Fine message"), "invalid-contact", 422);
        assertThat(count("SELECT COUNT(*) FROM feedback")).isEqualTo(before);

        long fromUser = feedback.send(user, FeedbackService.senderKey(user, "ignored"), "me@example.com",
                "The search is great " + run);
        for (int i = 0; i < 5; i++) {
            feedback.send(null, visitor, null, "Visitor message " + i + " " + run);
        }
        refused(() -> feedback.send(null, visitor, null, "One too many " + run), "feedback-rate-limited", 429);
        assertThat(count("SELECT COUNT(*) FROM feedback WHERE sender_key = ?", visitor)).isEqualTo(5);
        // another sender is not affected
        feedback.send(user, FeedbackService.senderKey(user, "ignored"), null, "Second message " + run);

        FeedbackView.Page page = feedback.newest(0, 10);
        assertThat(page.total()).isEqualTo(before + 7);
        assertThat(page.feedback().get(0).message()).isEqualTo("Second message " + run);
        FeedbackView mine = page.feedback().stream().filter(f -> f.id() == fromUser).findFirst().orElseThrow();
        assertThat(mine.authorName()).isEqualTo(accounts.user(user).orElseThrow().nickname());
        assertThat(mine.contact()).isEqualTo("me@example.com");
        assertThat(page.feedback()).filteredOn(f -> f.message().startsWith("Visitor message"))
                .allSatisfy(f -> assertThat(f.authorId()).isNull());
    }

    /** In the container: a completed order of the REST buyer, for the client-side tests that follow. */
    @Test
    @Order(6)
    void preparesACompletedOrderForTheRestBuyer() throws Exception {
        long buyer = user(REST_BUYER);
        long seller = seller(REST_SELLER);
        seller(REST_OTHER_SELLER);
        long item = published(seller, "REST rated tea " + run(), "20.00");
        OrderView order = completedOrder(buyer, seller, Map.of(item, 1));
        assertThat(order.status().name()).isEqualTo("COMPLETED");
        // and one only paid, not completed
        paidOrder(buyer, Map.of(item, 1));
    }

    @Test
    @Order(7)
    @RunAsClient
    void theRatingsApiKeepsTheSameRules() throws Exception {
        String buyer = "Bearer " + token(REST_BUYER);
        String seller = "Bearer " + token(REST_SELLER);
        String otherSeller = "Bearer " + token(REST_OTHER_SELLER);
        String stranger = "Bearer " + token("41009");

        JsonObject orderList = TriadHttp.json(TriadHttp.get(URI.create(SHOP + "/api/v1/orders?status=COMPLETED&max=1"),
                "Authorization", buyer));
        JsonObject completed = orderList.getJsonArray("orders").getJsonObject(0);
        long orderId = completed.getJsonNumber("id").longValue();
        JsonObject line = completed.getJsonArray("lines").getJsonObject(0);
        long lineId = line.getJsonNumber("id").longValue();
        long itemId = line.getJsonNumber("itemId").longValue();
        URI rating = URI.create(SHOP + "/api/v1/orders/" + orderId + "/lines/" + lineId + "/rating");

        assertThat(TriadHttp.post(rating, "application/json", "{\"stars\":5}").statusCode()).isEqualTo(401);
        problem(TriadHttp.post(rating, "application/json", "{\"stars\":5,\"text\":\"Not mine\"}",
                "Authorization", stranger), 404, "order-not-found");
        problem(TriadHttp.post(rating, "application/json", "{\"stars\":7,\"text\":\"Seven\"}",
                "Authorization", buyer), 422, "invalid-stars");
        problem(TriadHttp.post(rating, "application/json", "{\"stars\":4,\"text\":\"" + "x".repeat(2001) + "\"}",
                "Authorization", buyer), 422, "invalid-text");
        JsonObject paidOrder = TriadHttp.json(TriadHttp.get(URI.create(SHOP + "/api/v1/orders?status=PAID&max=1"),
                "Authorization", buyer)).getJsonArray("orders").getJsonObject(0);
        problem(TriadHttp.post(URI.create(SHOP + "/api/v1/orders/" + paidOrder.getJsonNumber("id") + "/lines/"
                        + paidOrder.getJsonArray("lines").getJsonObject(0).getJsonNumber("id") + "/rating"),
                "application/json", "{\"stars\":4}", "Authorization", buyer), 409, "order-not-completed");

        var created = TriadHttp.post(rating, "application/json", "{\"stars\":4,\"text\":\"Good <b>tea</b> 不错\"}",
                "Authorization", buyer);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject view = TriadHttp.json(created);
        long ratingId = view.getJsonNumber("id").longValue();
        assertThat(view.getInt("stars")).isEqualTo(4);
        problem(TriadHttp.post(rating, "application/json", "{\"stars\":1,\"text\":\"Again\"}",
                "Authorization", buyer), 409, "rating-exists");

        // images one by one, checked by content
        URI images = URI.create(rating + "/images");
        problem(TriadHttp.send(HttpRequest.newBuilder(images).header("Authorization", buyer)
                .header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofByteArray(TestImages.svg()))
                .build()), 422, "invalid-image");
        var added = TriadHttp.send(HttpRequest.newBuilder(images).header("Authorization", buyer)
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(
                        TestImages.png(300, 300))).build());
        assertThat(added.statusCode()).isEqualTo(201);
        long imageId = TriadHttp.json(added).getJsonArray("imageIds").getJsonNumber(0).longValue();
        HttpResponse<byte[]> served = TriadHttp.client().send(HttpRequest.newBuilder(URI.create(SHOP
                + "/rating-images/" + imageId + "/thumb")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        // image/jpeg (the container appends the shop's UTF-8 response encoding, as for item images)
        assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("image/jpeg"));
        assertThat(served.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        String etag = served.headers().firstValue("ETag").orElseThrow();
        assertThat(TriadHttp.client().send(HttpRequest.newBuilder(served.uri()).header("If-None-Match", etag)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(304);
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(served.body())).getWidth())
                .isEqualTo(200);

        // public list with summary
        JsonObject list = TriadHttp.json(TriadHttp.get(URI.create(SHOP + "/api/v1/items/" + itemId + "/ratings")));
        assertThat(list.getJsonNumber("total").longValue()).isEqualTo(1);
        assertThat(list.getJsonObject("summary").getJsonNumber("count").longValue()).isEqualTo(1);
        assertThat(list.getJsonObject("summary").getJsonNumber("average").bigDecimalValue())
                .isEqualByComparingTo("4.0");
        assertThat(list.getJsonObject("summary").getJsonObject("distribution").getJsonNumber("4").longValue())
                .isEqualTo(1);
        assertThat(list.getJsonArray("ratings").getJsonObject(0).getString("text")).isEqualTo("Good <b>tea</b> 不错");
        assertThat(TriadHttp.get(URI.create(SHOP + "/api/v1/items/999999999/ratings")).statusCode()).isEqualTo(404);

        // the item page shows the summary and the text, escaped
        var page = TriadHttp.get(URI.create(SHOP + "/item.xhtml?id=" + itemId), "Accept-Language", "en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"rating-summary\"").contains("Good &lt;b&gt;tea&lt;/b&gt; 不错")
                .doesNotContain("Good <b>tea</b>").contains("/rating-images/" + imageId + "/thumb");
        var pageZh = TriadHttp.get(URI.create(SHOP + "/item.xhtml?id=" + itemId), "Accept-Language", "zh-CN");
        assertThat(pageZh.body()).contains("评价数");

        // the seller answers once; a buyer is no seller; another seller gets 404
        URI answer = URI.create(SHOP + "/api/v1/seller/ratings/" + ratingId + "/answer");
        problem(TriadHttp.post(answer, "application/json", "{\"text\":\"Thanks\"}", "Authorization", stranger), 403,
                "not-a-seller");
        problem(TriadHttp.post(answer, "application/json", "{\"text\":\"Thanks\"}", "Authorization", otherSeller),
                404, "rating-not-found");
        problem(TriadHttp.post(answer, "application/json", "{\"text\":\"\"}", "Authorization", seller), 422,
                "invalid-answer");
        var answered = TriadHttp.post(answer, "application/json", "{\"text\":\"Thank you!\"}", "Authorization", seller);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(TriadHttp.json(answered).getString("answer")).isEqualTo("Thank you!");
        problem(TriadHttp.post(answer, "application/json", "{\"text\":\"Again\"}", "Authorization", seller), 409,
                "rating-answered");
        JsonObject sellerList = TriadHttp.json(TriadHttp.get(URI.create(SHOP + "/api/v1/seller/ratings"),
                "Authorization", seller));
        assertThat(sellerList.getJsonArray("ratings").getJsonObject(0).getJsonNumber("id").longValue())
                .isEqualTo(ratingId);
        JsonObject mine = TriadHttp.json(TriadHttp.get(rating, "Authorization", buyer));
        assertThat(mine.getString("answer")).isEqualTo("Thank you!");
        assertThat(TriadHttp.get(rating, "Authorization", stranger).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(8)
    @RunAsClient
    void feedbackOverTheApiFromAnyoneAndOnlyShopAdminsReadIt() {
        URI send = URI.create(SHOP + "/api/v1/feedback");
        var anonymous = TriadHttp.post(send, "application/json", "{\"message\":\"Anonymous hello\"}");
        assertThat(anonymous.statusCode()).isEqualTo(201);
        assertThat(TriadHttp.json(anonymous).getJsonNumber("id")).isNotNull();
        problem(TriadHttp.post(send, "application/json", "{\"message\":\"  \"}"), 422, "invalid-message");
        problem(TriadHttp.post(send, "application/json", "{\"message\":\"" + "m".repeat(4001) + "\"}"), 422,
                "invalid-message");
        String buyer = "Bearer " + token(REST_BUYER);
        assertThat(TriadHttp.post(send, "application/json", "{\"message\":\"From a buyer\",\"contact\":\"b@x.cn\"}",
                "Authorization", buyer).statusCode()).isEqualTo(201);
        // a body over the 1 MiB limit is refused before it is read
        var huge = TriadHttp.post(send, "application/json", "{\"message\":\"" + "m".repeat(1_100_000) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(413);

        URI admin = URI.create(SHOP + "/api/v1/admin/feedback");
        assertThat(TriadHttp.get(admin).statusCode()).isEqualTo(401);
        problem(TriadHttp.get(admin, "Authorization", buyer), 403, "not-a-shop-admin");
    }

    // --- helpers ---

    private static void problem(HttpResponse<String> r, int status, String type) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(TriadHttp.json(r).getString("type")).endsWith("/" + type);
    }

    private static String token(String subject) {
        return TriadHttp.get(URI.create(TestBank.BASE + "/access-token?sub=" + subject)).body();
    }

    private static void refused(Runnable call, String type, int status) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.problemType()).isEqualTo(type);
            assertThat(e.status()).isEqualTo(status);
        });
    }

    private static String problemType(Throwable t) {
        Throwable c = t;
        while (c != null && !(c instanceof DomainException)) {
            c = c.getCause();
        }
        return c == null ? t.toString() : ((DomainException) c).problemType();
    }

    private static Map<Long, Integer> orderedMap(long a, int qa, long b, int qb) {
        Map<Long, Integer> m = new LinkedHashMap<>();
        m.put(a, qa);
        m.put(b, qb);
        return m;
    }

    private long user(String subject) {
        return accounts.userForBankSubject(subject).id();
    }

    private long seller(String subject) {
        UserView user = accounts.userForBankSubject(subject);
        if (!user.seller()) {
            accounts.bindCard(user.id(), CardPurpose.PAYOUT, List.of(new BankCard("cref-" + subject, "6200 ****",
                    null, "ACTIVE")), "cref-" + subject);
            accounts.becomeSeller(user.id(), ShopUser.SELLER_TERMS_VERSION);
        }
        return user.id();
    }

    private long published(long seller, String title, String price) {
        long admin = accounts.signInLocal("shop-admin", "triad-dev-pass").user().id();
        ItemView item = sellers.create(seller, new ItemForm(title, "For the ratings test.", TEA_WARE, price, 1000,
                null));
        sellers.submit(seller, item.id());
        reviews.approve(admin, item.id());
        return item.id();
    }

    /** A checkout of these items (one seller) placed, its bank payment created and paid: the order is PAID. */
    private OrderView paidOrder(long buyer, Map<Long, Integer> quantities) throws SQLException {
        quantities.forEach((item, q) -> carts.add(CartService.userOwner(buyer), item, q, null));
        long checkout = steps.place(buyer, new Checkout.Contact("Rating Buyer", "13800138000",
                "1 Rating Road, Hangzhou"), Duration.ofMinutes(15));
        Map<String, BankPayment.Line> lines = new LinkedHashMap<>();
        long total = 0;
        long orderId = 0;
        try (Connection c = TriadDataSource.lookup().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, total_minor, payee_card_ref FROM shop_order WHERE checkout_id = ?")) {
            ps.setLong(1, checkout);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    orderId = rs.getLong(1);
                    lines.put("o-" + orderId, new BankPayment.Line(rs.getString(3), rs.getLong(2), 0));
                    total += rs.getLong(2);
                }
            }
        }
        assertThat(lines).hasSize(1);
        String paymentId = "pay_rating_" + checkout;
        Instant expires = Instant.now().plusSeconds(900);
        assertThat(steps.paymentCreated(checkout, new BankPayment(paymentId, "CREATED", total, 0, 1,
                "https://localhost:9443/bank/pay/" + paymentId, expires, lines))).isTrue();
        assertThat(settlement.notified("evt_" + paymentId + "_paid", "payment.paid", new BankPayment(paymentId,
                "PAID", total, 0, 2, "https://localhost:9443/bank/pay/" + paymentId, expires, lines)))
                .isEqualTo(SettlementService.Outcome.APPLIED);
        return orders.order(buyer, false, orderId).order();
    }

    /** A paid order, shipped by its seller and completed by its buyer. */
    private OrderView completedOrder(long buyer, long seller, Map<Long, Integer> quantities) throws SQLException {
        OrderView paid = paidOrder(buyer, quantities);
        orders.ship(seller, paid.id(), "SF Express", "SF" + (100000 + ThreadLocalRandom.current().nextInt(899999)));
        OrderView done = orders.complete(buyer, paid.id()).order();
        assertThat(done.status().name()).isEqualTo("COMPLETED");
        return done;
    }

    private static long count(String sql, Object... args) throws SQLException {
        try (Connection c = TriadDataSource.lookup().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
