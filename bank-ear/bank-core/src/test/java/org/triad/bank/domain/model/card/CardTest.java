package org.triad.bank.domain.model.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.triad.bank.domain.model.money.Money;
import org.triad.bank.domain.model.shared.InvalidStateException;

class CardTest {

    private final Card card = new Card(CardNumber.generate("622202", new SecureRandom()), 7, Instant.now());

    @Test
    void aNewCardCannotMoveMoneyUntilActivated() {
        assertThat(card.status()).isEqualTo(CardStatus.PENDING_ACTIVATION);
        assertThatThrownBy(() -> card.credit(Money.of("1"))).isInstanceOf(CardNotUsableException.class);
        card.activate(Instant.now());
        card.credit(Money.of("1"));
        assertThat(card.balance()).isEqualTo(Money.of("1.00"));
        assertThatThrownBy(() -> card.activate(Instant.now())).isInstanceOf(InvalidStateException.class);
    }

    @Test
    void debitNeverTakesTheBalanceBelowZero() {
        card.activate(Instant.now());
        card.credit(Money.of("10.00"));
        assertThatThrownBy(() -> card.debit(Money.of("10.01"))).isInstanceOf(InsufficientFundsException.class);
        assertThat(card.balance()).isEqualTo(Money.of("10.00"));
        card.debit(Money.of("10.00"));
        assertThat(card.balance()).isEqualTo(Money.ZERO);
    }

    @Test
    void frozenCardsNeitherPayNorReceive() {
        card.activate(Instant.now());
        card.credit(Money.of("5"));
        card.freeze();
        assertThatThrownBy(() -> card.debit(Money.of("1"))).isInstanceOf(CardNotUsableException.class);
        assertThatThrownBy(() -> card.credit(Money.of("1"))).isInstanceOf(CardNotUsableException.class);
        assertThatThrownBy(card::freeze).isInstanceOf(InvalidStateException.class);
        card.unfreeze();
        card.debit(Money.of("1"));
        assertThat(card.balance()).isEqualTo(Money.of("4"));
    }

    @Test
    void ownershipIsByCustomerId() {
        assertThat(card.isOwnedBy(7)).isTrue();
        assertThat(card.isOwnedBy(8)).isFalse();
    }
}
