package org.triad.bank.domain.model.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.triad.bank.domain.model.shared.InvalidInputException;
import org.triad.bank.domain.model.shared.InvalidStateException;

class CustomerTest {

    private final Instant now = Instant.parse("2026-01-01T10:00:00Z");
    private final Customer customer = Customer.register(" Zhang.Wei@Example.com ", "张伟", "h", "p", now);

    @Test
    void emailIsNormalisedAndANewCustomerIsUnverifiedAndUnreviewed() {
        assertThat(customer.email()).isEqualTo("zhang.wei@example.com");
        assertThat(customer.status()).isEqualTo(CustomerStatus.UNVERIFIED);
        assertThat(customer.kycStatus()).isEqualTo(KycStatus.UNREVIEWED);
        assertThatThrownBy(customer::requireApproved).isInstanceOf(KycRequiredException.class);
    }

    @Test
    void onlyActivatedCustomersAreReviewedAndRejectionsNeedAReason() {
        assertThatThrownBy(() -> customer.approveKyc(1)).isInstanceOf(InvalidStateException.class);
        customer.activate();
        assertThatThrownBy(() -> customer.rejectKyc(" ", 1)).isInstanceOf(InvalidInputException.class);
        customer.rejectKyc("blurry ID", 1);
        assertThat(customer.kycStatus()).isEqualTo(KycStatus.REJECTED);
        customer.approveKyc(1);
        customer.requireApproved();
    }

    @Test
    void theFifthWrongPasswordLocksForFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            customer.loginFailed(now);
            assertThat(customer.isLocked(now)).isFalse();
        }
        customer.loginFailed(now);
        assertThat(customer.isLocked(now)).isTrue();
        assertThat(customer.isLocked(now.plusSeconds(15 * 60 - 1))).isTrue();
        assertThat(customer.isLocked(now.plusSeconds(15 * 60))).isFalse();
    }

    @Test
    void aSuccessfulLoginResetsTheCounter() {
        for (int i = 0; i < 4; i++) {
            customer.loginFailed(now);
        }
        customer.loginSucceeded();
        customer.loginFailed(now);
        assertThat(customer.isLocked(now)).isFalse();
    }

    @Test
    void fiveWrongPayPasswordsBlockPaymentsUntilTheLockExpiresOrTheyAreChanged() {
        for (int i = 0; i < 5; i++) {
            assertThat(customer.isPayPasswordLocked(now)).isFalse();
            customer.payPasswordFailed(now);
        }
        assertThat(customer.isPayPasswordLocked(now.plusSeconds(60))).isTrue();
        assertThat(customer.isPayPasswordLocked(now.plusSeconds(15 * 60))).isFalse();
        customer.changePayPasswordHash("new");
        assertThat(customer.isPayPasswordLocked(now)).isFalse();
    }

    @Test
    void theMaskedNameShowsOnlyTheFirstCharacter() {
        assertThat(customer.maskedName()).isEqualTo("张*");
        assertThat(Customer.register("a@b.cn", "Alice", "h", "p", now).maskedName()).isEqualTo("A****");
    }

    @Test
    void aPhoneNumberIsKeptInE164AndBadOnesChangeNothing() {
        customer.changePhone(" +86 138-0013-8000 ");
        assertThat(customer.phone()).isEqualTo("+8613800138000");
        customer.changePhone("+1 (415) 555.0100");
        assertThat(customer.phone()).isEqualTo("+14155550100");
        for (String bad : new String[] {"13800138000", "+0 123 4567", "+86 138 0013 8000 0000 0", "+86 abc", "+123"}) {
            assertThatThrownBy(() -> customer.changePhone(bad)).as(bad).isInstanceOf(InvalidInputException.class);
            assertThat(customer.phone()).isEqualTo("+14155550100");
        }
        customer.changePhone("  ");
        assertThat(customer.phone()).isNull();
    }

    @Test
    void nicknamesWithControlFormattingOrDirectionCharactersAreRefused() {
        // the probe stored NUL and a right-to-left override: "Alice\u202Eecila" shows as another name
        for (String spoof : new String[] {"Ali\u0000ce", "Alice\u202Eecila", "Al\u200Bice", "Bob\u2066x\u2069",
                "Ev\u0007e", "Zed\u2028"}) {
            assertThatThrownBy(() -> Customer.requireNickname(spoof)).as(spoof)
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> Customer.requireNickname("  ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Customer.requireNickname("x".repeat(65))).isInstanceOf(InvalidInputException.class);
        assertThat(Customer.requireNickname(" \u5f20\u4e09 ")).isEqualTo("\u5f20\u4e09");
        assertThat(Customer.requireNickname("Zo\u00eb O'Neil-\u674e")).isEqualTo("Zo\u00eb O'Neil-\u674e");
    }
}
