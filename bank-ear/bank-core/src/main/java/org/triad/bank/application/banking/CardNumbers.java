package org.triad.bank.application.banking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.bank.application.support.Hashes;
import org.triad.bank.domain.model.card.CardNumber;
import org.triad.bank.domain.model.card.CardRepository;

/** Free card numbers under the configured BIN ({@code triad.bank.card.bin}), from a SecureRandom. */
@ApplicationScoped
public class CardNumbers {

    @Inject
    CardRepository cards;

    @Inject
    @ConfigProperty(name = "triad.bank.card.bin")
    String bin;

    /** A random number that is not taken; the unique constraint on card.number is the final guard. */
    public CardNumber next() {
        for (int attempt = 0; attempt < 10; attempt++) {
            CardNumber candidate = CardNumber.generate(bin, Hashes.random());
            if (!cards.numberExists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Could not find a free card number");
    }
}
