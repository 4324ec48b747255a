package org.triad.bank.domain.model.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.triad.bank.domain.model.money.Money;
import org.triad.bank.domain.model.shared.Ids;

/** One line of a journal entry: a signed amount on one account, and for cards the balance after it. */
@Entity
@Table(name = "posting")
public class Posting {

    @Id
    private long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "entry_id", nullable = false)
    private JournalEntry entry;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LedgerAccount account;

    @Column(name = "card_id")
    private Long cardId;

    @Column(nullable = false, precision = 19, scale = 2)
    private Money amount;

    @Column(name = "balance_after", precision = 19, scale = 2)
    private Money balanceAfter;

    protected Posting() {
    }

    Posting(JournalEntry entry, LedgerAccount account, Long cardId, Money amount, Money balanceAfter) {
        if (amount.isZero()) {
            throw new IllegalArgumentException("A posting moves money");
        }
        if ((account == LedgerAccount.CARD) != (cardId != null)) {
            throw new IllegalArgumentException("Card postings name a card, internal ones do not");
        }
        this.id = Ids.next();
        this.entry = entry;
        this.account = account;
        this.cardId = cardId;
        this.amount = amount;
        this.balanceAfter = balanceAfter;
    }

    public long id() {
        return id;
    }

    public JournalEntry entry() {
        return entry;
    }

    public LedgerAccount account() {
        return account;
    }

    public Long cardId() {
        return cardId;
    }

    public Money amount() {
        return amount;
    }

    public Money balanceAfter() {
        return balanceAfter;
    }
}
