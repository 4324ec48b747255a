package org.triad.shop.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.triad.shop.domain.model.shared.ShopRuleException;
import org.triad.shop.domain.model.user.CardBinding;
import org.triad.shop.domain.model.user.CardPurpose;
import org.triad.shop.domain.model.user.ShopUser;
import org.triad.shop.domain.model.user.ShopUserRepository;

/**
 * Who the shop's users are: the user behind a bank identity (created at the first "sign in with the bank"), local
 * sign-in with lockout, card bindings and becoming a seller. One transaction per method; a {@link ShopRuleException}
 * rolls it back.
 */
@Stateless
public class AccountService {

    /** What a local sign-in came to. */
    public enum Outcome { OK, INVALID, LOCKED }

    public record LocalSignIn(Outcome outcome, UserView user, Instant lockedUntil) {
    }

    @Inject
    ShopUserRepository users;

    @Inject
    ShopPasswords passwords;

    @Inject
    ShopAudit audit;

    /**
     * The bank vouched for this subject (a validated ID token): the shop user for it, created the first time, its
     * nickname and e-mail following the bank's.
     */
    public UserView signedInWithBank(String subject, String nickname, String email) {
        Instant now = Instant.now();
        ShopUser user = users.findByBankSubject(subject).orElse(null);
        if (user == null) {
            user = ShopUser.fromBank(subject, nickname, email, now);
            users.add(user);
            audit.record(user.id(), "USER_CREATED", "user:" + user.id(), "bank subject " + subject);
        }
        user.signedInWithBank(nickname, email, now);
        audit.record(user.id(), "SIGNED_IN", "user:" + user.id(), "bank");
        return UserView.of(user);
    }

    /**
     * The user of a bank access token presented to the REST API (created the first time, like a first sign-in,
     * with a placeholder nickname until the user signs in with the bank in a browser).
     */
    public UserView userForBankSubject(String subject) {
        ShopUser user = users.findByBankSubject(subject).orElse(null);
        if (user == null) {
            user = ShopUser.fromBank(subject, "buyer-" + subject, null, Instant.now());
            users.add(user);
            audit.record(user.id(), "USER_CREATED", "user:" + user.id(), "bank subject " + subject + " (API)");
        }
        return UserView.of(user);
    }

    /** A local account's name and password; wrong ones count towards the lockout, as at the bank. */
    public LocalSignIn signInLocal(String loginName, String password) {
        Instant now = Instant.now();
        Optional<ShopUser> found = loginName == null || loginName.isBlank() ? Optional.empty()
                : users.findByLoginName(loginName.strip());
        if (found.isEmpty() || found.get().passwordHash() == null) {
            passwords.burn(password);
            return new LocalSignIn(Outcome.INVALID, null, null);
        }
        ShopUser user = found.get();
        if (user.isLocked(now)) {
            passwords.burn(password);
            return new LocalSignIn(Outcome.LOCKED, null, user.lockedUntil());
        }
        if (!passwords.matches(password, user.passwordHash())) {
            user.wrongPassword(now);
            audit.record(user.id(), "SIGN_IN_FAILED", "user:" + user.id(), "local password");
            return user.isLocked(now) ? new LocalSignIn(Outcome.LOCKED, null, user.lockedUntil())
                    : new LocalSignIn(Outcome.INVALID, null, null);
        }
        user.signedIn(now);
        audit.record(user.id(), "SIGNED_IN", "user:" + user.id(), "local");
        return new LocalSignIn(Outcome.OK, UserView.of(user), null);
    }

    /** The user, or empty if there is none (any more). */
    public Optional<UserView> user(long userId) {
        return users.find(userId).map(UserView::of);
    }

    /** The bank subject the user signed in with, or null for a local account that never linked one. */
    public String bankSubjectOf(long userId) {
        return users.find(userId).map(ShopUser::bankSubject).orElse(null);
    }

    /**
     * Links a local account to the bank identity that just consented in its own signed-in session. A bank identity
     * already used by another shop user is not moved (no silent merge).
     */
    public void linkBank(long userId, String subject) {
        ShopUser user = users.lock(userId).orElseThrow(() -> ShopRuleException.notFound("user"));
        if (users.findByBankSubject(subject).filter(other -> other.id() != userId).isPresent()) {
            throw new ShopRuleException("bank-identity-taken", 409, null,
                    "This bank account is already linked to another shop account.");
        }
        user.linkBank(subject);
        audit.record(userId, "BANK_LINKED", "user:" + userId, "bank subject " + subject);
    }

    /** The user's current roles; empty for an unknown user. */
    public Set<String> roles(long userId) {
        return users.find(userId).map(ShopUser::roles).orElse(Set.of());
    }

    public List<BindingView> bindings(long userId) {
        return users.bindings(userId).stream().map(BindingView::of).toList();
    }

    /**
     * Binds one of the cards the bank just listed for this user (the caller passes the bank's list, fetched with the
     * user's {@code cards:read} token, and the reference the user picked).
     */
    public BindingView bindCard(long userId, CardPurpose purpose, List<BankCard> listedByBank, String pickedRef) {
        ShopUser user = users.lock(userId).orElseThrow(() -> ShopRuleException.notFound("user"));
        BankCard card = listedByBank.stream().filter(c -> c.cardRef() != null && c.cardRef().equals(pickedRef))
                .findFirst().orElseThrow(() -> ShopRuleException.invalid("card", "Pick one of your cards."));
        if (!card.usable()) {
            throw ShopRuleException.invalid("card", "This card cannot be used now (" + card.status() + ").");
        }
        Instant now = Instant.now();
        CardBinding binding = users.binding(user.id(), purpose).orElse(null);
        if (binding == null) {
            binding = new CardBinding(user.id(), purpose, card.cardRef(), card.maskedNumber(), card.nickname(), now);
            users.add(binding);
        } else {
            binding.rebind(card.cardRef(), card.maskedNumber(), card.nickname(), now);
        }
        audit.record(userId, "CARD_BOUND", "user:" + userId, purpose + " " + card.maskedNumber());
        return BindingView.of(binding);
    }

    public void unbindCard(long userId, CardPurpose purpose) {
        ShopUser user = users.lock(userId).orElseThrow(() -> ShopRuleException.notFound("user"));
        if (purpose == CardPurpose.PAYOUT && user.isSeller()) {
            throw new ShopRuleException("payout-card-in-use", 409, "card",
                    "A seller keeps a payout card: bind another one instead.");
        }
        users.binding(userId, purpose).ifPresent(b -> {
            users.remove(b);
            audit.record(userId, "CARD_UNBOUND", "user:" + userId, purpose + " " + b.maskedNumber());
        });
    }

    /** The bank listed these references for the user just now: bindings to any other card are lost. */
    public void bankListed(long userId, Set<String> listedRefs) {
        Instant now = Instant.now();
        for (CardBinding b : users.bindings(userId)) {
            if (!listedRefs.contains(b.cardRef()) && !b.isLost()) {
                b.markLost(now);
                audit.record(null, "CARD_BINDING_LOST", "user:" + userId, b.purpose() + " " + b.maskedNumber());
            }
        }
    }

    /** Accepts the seller terms: the user becomes a seller (needs a payout card that is not lost). */
    public UserView becomeSeller(long userId, String termsVersion) {
        ShopUser user = users.lock(userId).orElseThrow(() -> ShopRuleException.notFound("user"));
        boolean was = user.isSeller();
        user.becomeSeller(users.binding(userId, CardPurpose.PAYOUT).orElse(null), termsVersion, Instant.now());
        if (!was) {
            audit.record(userId, "BECAME_SELLER", "user:" + userId, "terms " + termsVersion);
        }
        return UserView.of(user);
    }
}
