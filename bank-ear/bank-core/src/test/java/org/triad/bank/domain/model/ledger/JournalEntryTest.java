package org.triad.bank.domain.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.triad.bank.domain.model.money.Money;

class JournalEntryTest {

    private JournalEntry entry() {
        return JournalEntry.open(EntryType.TRANSFER, 1, "key", "hash", Money.of("3.50"), Instant.now());
    }

    @Test
    void balancedPostingsClose() {
        JournalEntry e = entry().postToCard(1, Money.of("-3.50"), Money.of("6.50"))
                .postToCard(2, Money.of("3.50"), Money.of("3.50")).close();
        assertThat(e.postings()).hasSize(2);
        assertThat(e.postings().stream().map(Posting::amount).reduce(Money.ZERO, Money::plus).isZero()).isTrue();
    }

    @Test
    void unbalancedOrSingleLegEntriesAreRefused() {
        assertThatThrownBy(() -> entry().postToCard(1, Money.of("-3.50"), Money.ZERO)
                .postToCard(2, Money.of("3.49"), Money.ZERO).close()).isInstanceOf(UnbalancedEntryException.class);
        assertThatThrownBy(() -> entry().postToCard(1, Money.of("-3.50"), Money.ZERO).close())
                .isInstanceOf(UnbalancedEntryException.class);
    }

    @Test
    void depositsBalanceAgainstTheBanksCash() {
        JournalEntry e = JournalEntry.open(EntryType.DEPOSIT, 1, "k", "h", Money.of("100"), Instant.now())
                .postToBank(LedgerAccount.BANK_CASH, Money.of("-100"))
                .postToCard(9, Money.of("100"), Money.of("100")).close();
        assertThat(e.postings()).extracting(Posting::account).containsExactly(LedgerAccount.BANK_CASH, LedgerAccount.CARD);
        assertThat(e.postings().get(0).cardId()).isNull();
    }

    @Test
    void zeroPostingsAndMisassignedAccountsAreProgrammingErrors() {
        assertThatThrownBy(() -> entry().postToCard(1, Money.ZERO, Money.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry().postToBank(LedgerAccount.CARD, Money.of("1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRequestHashTellsARetryFromAReusedKey() {
        assertThat(entry().matches("hash")).isTrue();
        assertThat(entry().matches("other")).isFalse();
    }
}
