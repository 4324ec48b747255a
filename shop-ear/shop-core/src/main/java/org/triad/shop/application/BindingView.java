package org.triad.shop.application;

import java.io.Serializable;
import java.time.Instant;
import org.triad.shop.domain.model.user.CardBinding;
import org.triad.shop.domain.model.user.CardPurpose;

/** A bound card as the user sees it: masked number and nickname only. */
public record BindingView(CardPurpose purpose, String maskedNumber, String nickname, Instant boundAt, boolean lost)
        implements Serializable {

    static BindingView of(CardBinding b) {
        return new BindingView(b.purpose(), b.maskedNumber(), b.nickname(), b.boundAt(), b.isLost());
    }
}
