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
    public enum Outcome { OK, INVALID, LOCKED, NOT_ACTIVATED }

    /**
     * What a bank sign-in came to: the user, or — the bank's e-mail is that of a local account not linked to a bank
     * identity yet — the local account, which the person must prove (its password) before the two are linked.
     */
    public record BankSignIn(UserView user, String linkCandidateLogin) {
    }

    public record LocalSignIn(Outcome outcome, UserView user, Instant lockedUntil) {
    }

    @Inject
    ShopUserRepository users;

    @Inject
    ShopPasswords passwords;

    @Inject
    ShopAudit audit;

    @Inject
    jakarta.enterprise.event.Event<ShopMail> mails;

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /**
     * The bank vouched for this subject (a validated ID token): the shop user for it, created the first time, its
     * nickname and e-mail following the bank's.
     */
    public UserView signedInWithBank(String subject, String nickname, String email) {
        return signInWithBank(subject, nickname, email, true).user();
    }

    /**
     * Like {@link #signedInWithBank}, but a first bank sign-in whose e-mail belongs to an unlinked local account
     * creates nothing unless {@code createAnyway}: the caller asks the person to prove the local password
     * ({@link #linkWithPassword}) or to keep the accounts apart.
     */
    public BankSignIn signInWithBank(String subject, String nickname, String email, boolean createAnyway) {
        if (users.findByBankSubject(subject).isEmpty() && !createAnyway) {
            var local = users.findLocalByEmail(email).filter(u -> u.bankSubject() == null && u.passwordHash() != null);
            if (local.isPresent()) {
                return new BankSignIn(null, local.get().loginName());
            }
        }
        return new BankSignIn(bankUser(subject, nickname, email), null);
    }

    /** The local account's password proves the person owns both: the bank identity is linked to it. */
    public LocalSignIn linkWithPassword(String loginName, String password, String subject, String nickname,
                                        String email) {
        LocalSignIn local = signInLocal(loginName, password);
        if (local.outcome() != Outcome.OK) {
            return local;
        }
        linkBank(local.user().id(), subject);
        return new LocalSignIn(Outcome.OK, bankUser(subject, nickname, email), null);
    }

    private UserView bankUser(String subject, String nickname, String email) {
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
        if (!user.isActivated()) {
            passwords.burn(password);
            return new LocalSignIn(Outcome.NOT_ACTIVATED, null, null);
        }
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

    /**
     * Registers a local account (nickname, e-mail, password with the bank's length rule) and mails its activation
     * code; the account signs in once activated. An e-mail already registered is refused ({@code email-taken}).
     */
    public UserView register(String nickname, String email, String password) {
        String normalized = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        if (normalized.length() > 254 || !normalized.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw ShopRuleException.invalid("email", "Enter a valid e-mail address.");
        }
        if (nickname == null || nickname.isBlank() || nickname.strip().length() > 64) {
            throw ShopRuleException.invalid("nickname", "A nickname has 1 to 64 characters.");
        }
        ShopPasswords.requireAcceptable(password);
        if (users.findByLoginName(normalized).isPresent()) {
            throw new ShopRuleException("email-taken", 409, "email", "This e-mail address is registered already.");
        }
        ShopUser user = ShopUser.local(normalized, nickname.strip(), normalized, passwords.hash(password), Instant.now());
        users.add(user);
        audit.record(user.id(), "USER_REGISTERED", "user:" + user.id(), "local");
        issue(user, org.triad.shop.domain.model.user.ShopCode.Purpose.ACTIVATION);
        return UserView.of(user);
    }

    /** A new activation code; silently nothing for unknown or active accounts (no account discovery). */
    public void resendActivation(String email) {
        users.findLocalByEmail(email).filter(u -> !u.isActivated())
                .ifPresent(u -> issue(u, org.triad.shop.domain.model.user.ShopCode.Purpose.ACTIVATION));
    }

    public void activate(String email, String code) {
        ShopUser user = users.findLocalByEmail(email).orElseThrow(() -> wrongCode());
        if (user.isActivated()) {
            return;
        }
        check(user, org.triad.shop.domain.model.user.ShopCode.Purpose.ACTIVATION, code);
        user.activate(Instant.now());
        audit.record(user.id(), "USER_ACTIVATED", "user:" + user.id(), null);
    }

    /** Mails a reset code to a local account; silently nothing for unknown addresses. */
    public void requestReset(String email) {
        users.findLocalByEmail(email).filter(u -> u.passwordHash() != null)
                .ifPresent(u -> issue(u, org.triad.shop.domain.model.user.ShopCode.Purpose.RESET));
    }

    public void resetPassword(String email, String code, String newPassword) {
        ShopPasswords.requireAcceptable(newPassword);
        ShopUser user = users.findLocalByEmail(email).orElseThrow(() -> wrongCode());
        check(user, org.triad.shop.domain.model.user.ShopCode.Purpose.RESET, code);
        user.changePassword(passwords.hash(newPassword));
        user.activate(Instant.now());
        audit.record(user.id(), "PASSWORD_RESET", "user:" + user.id(), null);
    }

    private void issue(ShopUser user, org.triad.shop.domain.model.user.ShopCode.Purpose purpose) {
        Instant now = Instant.now();
        users.codes(user.id(), purpose).forEach(c -> c.supersede(now));
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        users.add(new org.triad.shop.domain.model.user.ShopCode(user.id(), purpose, passwords.hash(code), now));
        boolean activation = purpose == org.triad.shop.domain.model.user.ShopCode.Purpose.ACTIVATION;
        mails.fire(new ShopMail(user.email(), activation ? "Triad Shop: your activation code / 激活码"
                : "Triad Shop: your password reset code / 重置密码验证码",
                "Your code is: " + code + "\n\nIt is valid for 10 minutes.\n\n您的验证码：" + code + "，10 分钟内有效。"));
    }

    private void check(ShopUser user, org.triad.shop.domain.model.user.ShopCode.Purpose purpose, String code) {
        var latest = users.codes(user.id(), purpose).stream().findFirst().orElseThrow(() -> wrongCode());
        var result = latest.check(hash -> code != null && code.strip().matches("\\d{6}")
                && passwords.matches(code.strip(), hash), Instant.now());
        if (result == org.triad.shop.domain.model.user.ShopCode.Check.EXPIRED) {
            throw new CodeRefused("code-expired", "The code has expired or was tried too often: ask for a new one.");
        }
        if (result == org.triad.shop.domain.model.user.ShopCode.Check.WRONG) {
            throw new CodeRefused("invalid-code", "The code is wrong.");
        }
    }

    private static ShopRuleException wrongCode() {
        return new ShopRuleException("invalid-code", 422, "code", "The code is wrong.");
    }

    /**
     * A wrong or used-up code. It commits (the attempt counts), unlike other refusals: otherwise the limit of tries
     * could be dodged by the rollback.
     */
    @jakarta.ejb.ApplicationException(rollback = false)
    public static class CodeRefused extends ShopRuleException {
        private static final long serialVersionUID = 1L;

        CodeRefused(String type, String message) {
            super(type, 422, "code", message);
        }
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
