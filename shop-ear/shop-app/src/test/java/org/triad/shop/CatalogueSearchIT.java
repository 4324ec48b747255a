package org.triad.shop;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.triad.shop.application.AccountService;
import org.triad.shop.application.BankCard;
import org.triad.shop.application.CatalogueService;
import org.triad.shop.application.ItemForm;
import org.triad.shop.application.ItemView;
import org.triad.shop.application.ReviewService;
import org.triad.shop.application.SearchRequest;
import org.triad.shop.application.SearchResult;
import org.triad.shop.application.SellerService;
import org.triad.shop.application.UserView;
import org.triad.shop.domain.model.user.CardPurpose;
import org.triad.shop.domain.model.user.ShopUser;
import org.triad.testkit.Deployments;
import org.triad.testkit.TriadHttp;

/**
 * Catalogue search on Lucene in the real shop.ear: Chinese words without spaces and English words (stemmed) find
 * approved items, never drafts or a banned seller's; facets, price filter, in-stock filter, sorts; suggestions by
 * prefix and with a typo; the REST API and the search page.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogueSearchIT {

    private static final String SHOP = TestBank.SHOP_URL;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear("shop", TestBank.EXTRA_CONFIG, TestBank.class, CatalogueSearchIT.class);
    }

    @EJB
    AccountService accounts;

    @EJB
    SellerService sellers;

    @EJB
    ReviewService reviews;

    @EJB
    CatalogueService catalogue;

    private long seller(String subject) {
        UserView user = accounts.userForBankSubject(subject);
        if (!user.seller()) {
            accounts.bindCard(user.id(), CardPurpose.PAYOUT, List.of(new BankCard("cref-s" + subject, "6200 ****",
                    null, "ACTIVE")), "cref-s" + subject);
            accounts.becomeSeller(user.id(), ShopUser.SELLER_TERMS_VERSION);
        }
        return user.id();
    }

    private long admin() {
        return accounts.signInLocal("shop-admin", "triad-dev-pass").user().id();
    }

    private long published(long seller, String title, String description, long category, String price, int stock) {
        ItemView item = sellers.create(seller, new ItemForm(title, description, category, price, stock, null));
        sellers.submit(seller, item.id());
        reviews.approve(admin(), item.id());
        return item.id();
    }

    private SearchResult search(String text) {
        return catalogue.search(new SearchRequest(text, null, null, null, false, SearchRequest.Sort.RELEVANCE, 0, 24));
    }

    private static List<Long> ids(SearchResult result) {
        return result.items().stream().map(ItemView::id).toList();
    }

    static long biluochun;
    static long teapot;
    static long jacket;

    @Test
    @Order(1)
    void chineseAndEnglishWordsFindApprovedItemsOnly() {
        long seller = seller("50001");
        biluochun = published(seller, "洞庭碧螺春绿茶 Biluochun spring tea", "明前采摘，香气浓郁。Picked before Qingming.",
                7L, "128.00", 20);
        teapot = published(seller, "宜兴紫砂壶 Yixing clay teapot", "Handmade teapots from Yixing.", 7L, "680.00", 0);
        jacket = published(seller("50002"), "Waterproof hiking jacket 防水冲锋衣", "Breathable shell.", 2L, "45.00", 5);
        ItemView draft = sellers.create(seller, new ItemForm("碧螺春 draft never approved", "", 7L, "1.00", 1, null));

        assertThat(ids(search("碧螺春"))).contains(biluochun).doesNotContain(draft.id());
        assertThat(ids(search("绿茶"))).containsExactly(biluochun);
        // other test classes' items share the database: assert on ours
        assertThat(ids(search("紫砂"))).contains(teapot).doesNotContain(biluochun, jacket);
        assertThat(ids(search("茶"))).contains(biluochun);
        assertThat(ids(search("biluochun"))).containsExactly(biluochun);
        assertThat(ids(search("Biluochun"))).containsExactly(biluochun);
        assertThat(ids(search("TEAPOT"))).contains(teapot).doesNotContain(biluochun, jacket);
        assertThat(ids(search("teapots"))).as("stemmed").contains(teapot).doesNotContain(biluochun);
        assertThat(ids(search("冲锋衣"))).containsExactly(jacket);
        assertThat(ids(search("tea 紫砂"))).contains(teapot).doesNotContain(biluochun, jacket);
        // a category's names (English and Chinese) and the seller's name are searched too
        assertThat(ids(search("茶具"))).contains(biluochun, teapot);
        assertThat(ids(search("no-such-word-xyz"))).isEmpty();
    }

    @Test
    @Order(2)
    void facetsFiltersAndSorts() {
        SearchResult all = catalogue.search(new SearchRequest("tea", null, null, null, false,
                SearchRequest.Sort.PRICE_ASC, 0, 24));
        assertThat(ids(all)).containsSubsequence(biluochun, teapot);
        assertThat(all.categories()).anySatisfy(f -> {
            assertThat(f.value()).isEqualTo("home-tea");
            assertThat(f.count()).isGreaterThanOrEqualTo(2);
        });
        assertThat(all.prices()).anySatisfy(f -> {
            assertThat(f.value()).isEqualTo("200-1000");
            assertThat(f.count()).isGreaterThanOrEqualTo(1);
        });
        SearchResult desc = catalogue.search(new SearchRequest("tea", null, null, null, false,
                SearchRequest.Sort.PRICE_DESC, 0, 24));
        assertThat(ids(desc)).containsSubsequence(teapot, biluochun);
        SearchResult cheap = catalogue.search(new SearchRequest("tea", null, null, new BigDecimal("200"), false,
                SearchRequest.Sort.RELEVANCE, 0, 24));
        assertThat(ids(cheap)).contains(biluochun).doesNotContain(teapot);
        SearchResult inStock = catalogue.search(new SearchRequest("tea", null, null, null, true,
                SearchRequest.Sort.RELEVANCE, 0, 24));
        assertThat(ids(inStock)).contains(biluochun).doesNotContain(teapot);
        SearchResult clothing = catalogue.search(new SearchRequest("", "clothing", null, null, false,
                SearchRequest.Sort.NEWEST, 0, 24));
        assertThat(ids(clothing)).contains(jacket).doesNotContain(biluochun, teapot);
    }

    @Test
    @Order(3)
    void suggestionsComeFromPrefixesAndForgiveATypo() {
        assertThat(catalogue.suggest("teap")).contains("宜兴紫砂壶 Yixing clay teapot");
        assertThat(catalogue.suggest("biluochnu")).as("one transposition").contains("洞庭碧螺春绿茶 Biluochun spring tea");
        assertThat(catalogue.suggest("碧螺")).contains("洞庭碧螺春绿茶 Biluochun spring tea");
        assertThat(catalogue.suggest("")).isEmpty();
    }

    @Test
    @Order(4)
    void aBannedSellersItemsAreNotFoundAndComeBackWhenTheBanIsLifted() {
        long seller = accounts.userForBankSubject("50002").id();
        reviews.banSeller(admin(), seller, "Test ban.");
        assertThat(ids(search("冲锋衣"))).isEmpty();
        reviews.unbanSeller(admin(), seller);
        assertThat(ids(search("冲锋衣"))).containsExactly(jacket);
    }

    @Test
    @Order(5)
    @RunAsClient
    void theRestApiAndTheSearchPageFindByChineseAndEnglish() {
        var byChinese = TriadHttp.get(URI.create(SHOP + "/api/v1/catalogue/search?q="
                + URLEncoder.encode("碧螺春", StandardCharsets.UTF_8)));
        assertThat(byChinese.statusCode()).isEqualTo(200);
        JsonObject body = TriadHttp.json(byChinese);
        assertThat(body.getJsonArray("items").getJsonObject(0).getJsonObject("published").getString("title"))
                .startsWith("洞庭碧螺春");
        var badSort = TriadHttp.get(URI.create(SHOP + "/api/v1/catalogue/search?q=tea&sort=cheapest"));
        assertThat(badSort.statusCode()).isEqualTo(422);
        var suggest = TriadHttp.get(URI.create(SHOP + "/api/v1/catalogue/suggest?q=teap"));
        assertThat(suggest.body()).contains("Yixing clay teapot");

        var page = TriadHttp.get(URI.create(SHOP + "/search.xhtml?q=spring+tea"), "Accept-Language", "en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("洞庭碧螺春绿茶 Biluochun spring tea").contains("Items found")
                .contains("Tea and tea ware");
        var zh = TriadHttp.get(URI.create(SHOP + "/search.xhtml?q=" + URLEncoder.encode("紫砂", StandardCharsets.UTF_8)),
                "Accept-Language", "zh-CN");
        assertThat(zh.body()).contains("宜兴紫砂壶").contains("找到商品").contains("茶与茶具");
    }
}
