package org.triad.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.triad.common.persistence.TriadDataSource;
import org.triad.shop.application.AccountService;
import org.triad.shop.application.BankCard;
import org.triad.shop.application.ItemForm;
import org.triad.shop.application.ItemView;
import org.triad.shop.application.ReviewService;
import org.triad.shop.application.SellerService;
import org.triad.shop.application.UserView;
import org.triad.shop.domain.model.user.CardPurpose;
import org.triad.shop.domain.model.user.ShopUser;

/** Users, sellers with a payout card, published items and one-value queries for in-container tests and benches. */
final class ShopFixture {

    static final long TEA_WARE = 7;

    private final AccountService accounts;
    private final SellerService sellers;
    private final ReviewService reviews;

    ShopFixture(AccountService accounts, SellerService sellers, ReviewService reviews) {
        this.accounts = accounts;
        this.sellers = sellers;
        this.reviews = reviews;
    }

    static String run() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    long admin() {
        return accounts.signInLocal("shop-admin", "triad-dev-pass").user().id();
    }

    long user(String subject) {
        return accounts.userForBankSubject(subject).id();
    }

    long seller(String subject) {
        UserView user = accounts.userForBankSubject(subject);
        accounts.bindCard(user.id(), CardPurpose.PAYOUT, List.of(new BankCard("cref-" + subject, "6200 ****", null,
                "ACTIVE")), "cref-" + subject);
        accounts.becomeSeller(user.id(), ShopUser.SELLER_TERMS_VERSION);
        return user.id();
    }

    long published(long seller, String title, String price, int stock) {
        ItemView item = sellers.create(seller, new ItemForm(title, "For the tests.", TEA_WARE, price, stock, null));
        sellers.submit(seller, item.id());
        reviews.approve(admin(), item.id());
        return item.id();
    }

    static long count(String sql, Object parameter) throws SQLException {
        return Long.parseLong(single(sql, parameter));
    }

    static String single(String sql, Object parameter) throws SQLException {
        try (Connection c = TriadDataSource.lookup().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                return rs.getString(1);
            }
        }
    }
}
