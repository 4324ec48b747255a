package org.triad.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
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
import org.triad.shop.application.CatalogueService;
import org.triad.shop.application.ItemForm;
import org.triad.shop.application.ItemView;
import org.triad.shop.application.ReviewService;
import org.triad.shop.application.SellerService;
import org.triad.shop.application.UserView;
import org.triad.shop.domain.model.item.ItemStatus;
import org.triad.shop.domain.model.user.CardPurpose;
import org.triad.shop.domain.model.user.ShopUser;
import org.triad.testkit.Deployments;
import org.triad.testkit.TriadHttp;

/**
 * Sellers, items and review in the real shop.ear: binding a card and becoming a seller, the item rules (every bad
 * input refused with its field and nothing stored), ownership, review with the old version staying on sale, the
 * catalogue showing only approved on-sale items of sellers who are not banned; and the same over the REST API with
 * bank access tokens (from {@link TestBank}).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SellerItemsIT {

    private static final String SHOP = TestBank.SHOP_URL;
    static final String SELLER = "30001";
    static final String OTHER_SELLER = "30002";
    static final List<BankCard> CARDS = List.of(new BankCard("cref-a", "6200 **** **** 1111", "Daily", "ACTIVE"),
            new BankCard("cref-b", "6200 **** **** 2222", null, "FROZEN"));

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear("shop", TestBank.EXTRA_CONFIG, TestBank.class, SellerItemsIT.class);
    }

    @EJB
    AccountService accounts;

    @EJB
    SellerService sellers;

    @EJB
    ReviewService reviews;

    @EJB
    CatalogueService catalogue;

    private static ItemForm form(String title, String price, int stock) {
        return new ItemForm(title, "A plain description.", 2L, price, stock, "size: S, M, L\ncolour: red, blue");
    }

    private long seller(String subject) {
        UserView user = accounts.userForBankSubject(subject);
        if (!user.seller()) {
            accounts.bindCard(user.id(), CardPurpose.PAYOUT, CARDS, "cref-a");
            accounts.becomeSeller(user.id(), ShopUser.SELLER_TERMS_VERSION);
        }
        return user.id();
    }

    private long admin() {
        return accounts.signInLocal("shop-admin", "triad-dev-pass").user().id();
    }

    private static long count(String sql, Object... args) throws Exception {
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

    private static void refused(Runnable call, String type, int status) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.problemType()).isEqualTo(type);
            assertThat(e.status()).isEqualTo(status);
        });
    }

    @Test
    @Order(1)
    void aBuyerWithoutPayoutCardCannotSellAndBindingKeepsOnlyTheReference() throws Exception {
        UserView buyer = accounts.userForBankSubject("30009");
        refused(() -> accounts.becomeSeller(buyer.id(), ShopUser.SELLER_TERMS_VERSION), "payout-card-required", 409);
        refused(() -> sellers.create(buyer.id(), form("Tea", "10.00", 1)), "not-a-seller", 403);
        refused(() -> accounts.bindCard(buyer.id(), CardPurpose.PAYOUT, CARDS, "cref-b"), "invalid-card", 422);
        refused(() -> accounts.bindCard(buyer.id(), CardPurpose.PAYOUT, CARDS, "not-listed"), "invalid-card", 422);
        assertThat(accounts.bindings(buyer.id())).isEmpty();

        accounts.bindCard(buyer.id(), CardPurpose.PAYOUT, CARDS, "cref-a");
        refused(() -> accounts.becomeSeller(buyer.id(), "old-terms"), "seller-terms-required", 409);
        UserView seller = accounts.becomeSeller(buyer.id(), ShopUser.SELLER_TERMS_VERSION);
        assertThat(seller.roles()).containsExactlyInAnyOrder("buyer", "seller");
        assertThat(count("SELECT COUNT(*) FROM card_binding WHERE user_id = ? AND card_ref = 'cref-a' "
                + "AND masked_number = '6200 **** **** 1111'", buyer.id())).isEqualTo(1);

        // the bank no longer lists the card (consent withdrawn): the binding shows as lost
        accounts.bankListed(buyer.id(), Set.of("cref-other"));
        assertThat(accounts.bindings(buyer.id())).singleElement().satisfies(b -> assertThat(b.lost()).isTrue());
        refused(() -> accounts.unbindCard(buyer.id(), CardPurpose.PAYOUT), "payout-card-in-use", 409);
    }

    @Test
    @Order(2)
    void badItemsAreRefusedWithTheirFieldAndNothingIsStored() throws Exception {
        long seller = seller(SELLER);
        long before = count("SELECT COUNT(*) FROM item");
        refused(() -> sellers.create(seller, form("Tea", "0", 1)), "invalid-price", 422);
        refused(() -> sellers.create(seller, form("Tea", "0.00", 1)), "invalid-price", 422);
        refused(() -> sellers.create(seller, form("Tea", "-5.00", 1)), "invalid-price", 422);
        refused(() -> sellers.create(seller, form("Tea", "9.999", 1)), "invalid-price", 422);
        refused(() -> sellers.create(seller, form("Tea", "1000000.01", 1)), "invalid-price", 422);
        refused(() -> sellers.create(seller, form("Tea", "1e9", 1)), "invalid-price", 422);
        refused(() -> sellers.create(seller, form("Tea", "99999999999999999999999", 1)), "invalid-price", 422);
        refused(() -> sellers.create(seller, form("Tea", "12.00", -1)), "invalid-stock", 422);
        refused(() -> sellers.create(seller, form("x".repeat(10_240), "12.00", 1)), "invalid-title", 422);
        refused(() -> sellers.create(seller, form("   ", "12.00", 1)), "invalid-title", 422);
        refused(() -> sellers.create(seller, new ItemForm("Tea", "d", 999_999L, "1.00", 1, null)), "invalid-category",
                422);
        refused(() -> sellers.create(seller, new ItemForm("Tea", "d", 2L, "1.00", 1, "no colon here")),
                "invalid-options", 422);
        refused(() -> sellers.create(seller, new ItemForm("Tea", "d".repeat(8001), 2L, "1.00", 1, null)),
                "invalid-description", 422);
        assertThat(count("SELECT COUNT(*) FROM item")).isEqualTo(before);

        ItemView ok = sellers.create(seller, form("Exact", "1000000.00", 0));
        assertThat(ok.working().price()).isEqualByComparingTo("1000000.00");
        assertThat(ok.status()).isEqualTo(ItemStatus.DRAFT);
    }

    @Test
    @Order(3)
    void reviewPublishesAndAnEditGoesBackToReviewWhileTheOldVersionStaysOnSale() throws Exception {
        long seller = seller(SELLER);
        long admin = admin();
        ItemView draft = sellers.create(seller, new ItemForm("西湖龙井 Longjing green tea", "<script>alert(1)</script>",
                7L, "88.00", 10, "weight: 100g, 250g"));
        // a draft is nobody's business but its seller's and the admins'
        refused(() -> catalogue.item(draft.id(), null), "item-not-found", 404);
        refused(() -> catalogue.item(draft.id(), accounts.userForBankSubject("30010").id()), "item-not-found", 404);
        assertThat(catalogue.item(draft.id(), seller).working().title()).startsWith("西湖龙井");
        refused(() -> reviews.approve(admin, draft.id()), "item-not-in-review", 409);

        sellers.submit(seller, draft.id());
        refused(() -> reviews.approve(seller, draft.id()), "not-a-shop-admin", 403);
        refused(() -> reviews.reject(admin, draft.id(), " "), "invalid-reason", 422);
        ItemView rejected = reviews.reject(admin, draft.id(), "Add the harvest year.");
        assertThat(rejected.status()).isEqualTo(ItemStatus.REJECTED);
        assertThat(sellers.myItem(seller, draft.id()).rejectReason()).isEqualTo("Add the harvest year.");

        sellers.edit(seller, draft.id(), new ItemForm("西湖龙井 Longjing green tea 2026", "<script>alert(1)</script>",
                7L, "88.00", 10, "weight: 100g, 250g"));
        sellers.submit(seller, draft.id());
        assertThat(reviews.queue(admin, 0, 100)).extracting(ItemView::id).contains(draft.id());
        ItemView approved = reviews.approve(admin, draft.id());
        assertThat(approved.onSale()).isTrue();
        ItemView shown = catalogue.item(draft.id(), null);
        assertThat(shown.shown().price()).isEqualByComparingTo("88.00");
        assertThat(shown.shown().description()).isEqualTo("<script>alert(1)</script>");
        assertThat(catalogue.visible(6L, 0, 100).items()).extracting(ItemView::id).contains(draft.id());

        // the seller changes the price: back to review, buyers still see 88.00
        ItemView edited = sellers.edit(seller, draft.id(), new ItemForm("西湖龙井 Longjing green tea 2026",
                "<script>alert(1)</script>", 7L, "99.50", 10, "weight: 100g, 250g"));
        assertThat(edited.status()).isEqualTo(ItemStatus.IN_REVIEW);
        assertThat(catalogue.item(draft.id(), null).shown().price()).isEqualByComparingTo("88.00");
        reviews.approve(admin, draft.id());
        assertThat(catalogue.item(draft.id(), null).shown().price()).isEqualByComparingTo("99.50");

        // stock is not reviewed, and audited
        sellers.adjustStock(seller, draft.id(), 3);
        assertThat(count("SELECT COUNT(*) FROM shop_audit WHERE subject = ? AND action = 'STOCK_ADJUSTED'",
                "item:" + draft.id())).isEqualTo(1);
        refused(() -> sellers.adjustStock(seller, draft.id(), -1), "invalid-stock", 422);
        assertThat(sellers.myItem(seller, draft.id()).stock()).isEqualTo(3);

        // closed for sale: gone from the catalogue; open again: back
        sellers.setOnSale(seller, draft.id(), false);
        refused(() -> catalogue.item(draft.id(), null), "item-not-found", 404);
        sellers.setOnSale(seller, draft.id(), true);
        assertThat(catalogue.item(draft.id(), null).id()).isEqualTo(draft.id());

        // a banned seller's items are neither shown nor found, and the seller cannot sell
        reviews.banSeller(admin, seller, "Counterfeit goods.");
        refused(() -> catalogue.item(draft.id(), null), "item-not-found", 404);
        assertThat(catalogue.visible(null, 0, 60).items()).extracting(ItemView::sellerId).doesNotContain(seller);
        refused(() -> sellers.create(seller, form("More", "1.00", 1)), "not-a-seller", 403);
        reviews.unbanSeller(admin, seller);
        assertThat(catalogue.item(draft.id(), null).id()).isEqualTo(draft.id());
    }

    @Test
    @Order(4)
    void aSellerCannotTouchAnotherSellersItem() throws Exception {
        long owner = seller(SELLER);
        long other = seller(OTHER_SELLER);
        ItemView item = sellers.create(owner, form("Owner's item", "5.00", 5));
        refused(() -> sellers.edit(other, item.id(), form("Hijacked", "0.01", 0)), "item-not-found", 404);
        refused(() -> sellers.submit(other, item.id()), "item-not-found", 404);
        refused(() -> sellers.adjustStock(other, item.id(), 0), "item-not-found", 404);
        refused(() -> sellers.myItem(other, item.id()), "item-not-found", 404);
        ItemView unchanged = sellers.myItem(owner, item.id());
        assertThat(unchanged.working().title()).isEqualTo("Owner's item");
        assertThat(unchanged.stock()).isEqualTo(5);
        assertThat(unchanged.status()).isEqualTo(ItemStatus.DRAFT);
    }

    private static String token(String subject) {
        return TriadHttp.get(URI.create(TestBank.BASE + "/access-token?sub=" + subject)).body();
    }

    @Test
    @Order(5)
    @RunAsClient
    void theSellerApiRefusesBadInputAndOtherSellersItems() {
        String seller = "Bearer " + token(SELLER);
        String other = "Bearer " + token(OTHER_SELLER);
        URI items = URI.create(SHOP + "/api/v1/seller/items");

        for (String price : new String[] {"0", "-1.00", "1.005", "1000000000"}) {
            var r = TriadHttp.post(items, "application/json", "{\"title\":\"Tea\",\"categoryId\":2,\"price\":\"" + price
                    + "\",\"stock\":1}", "Authorization", seller);
            assertThat(r.statusCode()).as(price).isEqualTo(422);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(TriadHttp.json(r).getString("type")).endsWith("/invalid-price");
        }
        var negative = TriadHttp.post(items, "application/json",
                "{\"title\":\"Tea\",\"categoryId\":2,\"price\":\"1.00\",\"stock\":-3}", "Authorization", seller);
        assertThat(TriadHttp.json(negative).getString("type")).endsWith("/invalid-stock");
        var longTitle = TriadHttp.post(items, "application/json", "{\"title\":\"" + "x".repeat(10_240)
                + "\",\"categoryId\":2,\"price\":\"1.00\",\"stock\":1}", "Authorization", seller);
        assertThat(TriadHttp.json(longTitle).getString("type")).endsWith("/invalid-title");

        var created = TriadHttp.post(items, "application/json", "{\"title\":\"API tea 茶\",\"categoryId\":7,"
                + "\"price\":\"12.50\",\"stock\":4,\"description\":\"<b>bold</b>\"}", "Authorization", seller);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject item = TriadHttp.json(created);
        long id = item.getJsonNumber("id").longValue();
        assertThat(item.getString("status")).isEqualTo("DRAFT");
        assertThat(item.getJsonObject("working").getJsonNumber("price").bigDecimalValue()).isEqualByComparingTo("12.50");

        URI one = URI.create(SHOP + "/api/v1/seller/items/" + id);
        var stolen = TriadHttp.send(java.net.http.HttpRequest.newBuilder(one).header("Authorization", other)
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"title\":\"Mine now\",\"categoryId\":2,\"price\":\"0.01\",\"stock\":0}")).build());
        assertThat(stolen.statusCode()).isEqualTo(404);
        assertThat(TriadHttp.json(stolen).getString("type")).endsWith("/item-not-found");
        var mine = TriadHttp.get(one, "Authorization", seller);
        assertThat(TriadHttp.json(mine).getJsonObject("working").getString("title")).isEqualTo("API tea 茶");

        // not visible to the public catalogue while a draft
        var publicView = TriadHttp.get(URI.create(SHOP + "/api/v1/catalogue/items/" + id));
        assertThat(publicView.statusCode()).isEqualTo(404);
        var page = TriadHttp.get(URI.create(SHOP + "/item.xhtml?id=" + id), "Accept-Language", "en");
        assertThat(page.statusCode()).isEqualTo(404);

        var submitted = TriadHttp.post(URI.create(SHOP + "/api/v1/seller/items/" + id + "/submit"), "application/json",
                "", "Authorization", seller);
        assertThat(TriadHttp.json(submitted).getString("status")).isEqualTo("IN_REVIEW");
    }

    @Test
    @Order(6)
    @RunAsClient
    void approvedItemsShowInTheCatalogueWithTheDescriptionAsText() {
        // the item of test 3 is approved and on sale (seller unbanned): its page escapes the seller's markup
        var list = TriadHttp.get(URI.create(SHOP + "/api/v1/catalogue/items?category=home"));
        assertThat(list.statusCode()).isEqualTo(200);
        JsonObject first = TriadHttp.json(list).getJsonArray("items").getJsonObject(0);
        long id = first.getJsonNumber("id").longValue();
        var page = TriadHttp.get(URI.create(SHOP + "/item.xhtml?id=" + id), "Accept-Language", "zh-CN");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("西湖龙井").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)</script>").contains("99.50");
        var home = TriadHttp.get(URI.create(SHOP + "/index.xhtml?c=home"), "Accept-Language", "en");
        assertThat(home.body()).contains("Home and kitchen").contains("西湖龙井");
    }
}
