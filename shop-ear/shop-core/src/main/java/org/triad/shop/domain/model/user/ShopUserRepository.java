package org.triad.shop.domain.model.user;

import java.util.List;
import java.util.Optional;

/** Shop users and their card bindings. */
public interface ShopUserRepository {

    Optional<ShopUser> find(long id);

    /** The user row locked for the rest of the transaction. */
    Optional<ShopUser> lock(long id);

    Optional<ShopUser> findByBankSubject(String subject);

    Optional<ShopUser> findByLoginName(String loginName);

    void add(ShopUser user);

    Optional<CardBinding> binding(long userId, CardPurpose purpose);

    List<CardBinding> bindings(long userId);

    void add(CardBinding binding);

    void remove(CardBinding binding);

    /** Users who became sellers (banned ones included), newest seller first. */
    List<ShopUser> sellers(int first, int max);

    /** The newest codes of a user for a purpose, newest first. */
    List<ShopCode> codes(long userId, ShopCode.Purpose purpose);

    void add(ShopCode code);

    /** A local account (login name = its e-mail, lower case) by e-mail. */
    default Optional<ShopUser> findLocalByEmail(String email) {
        return email == null ? Optional.empty() : findByLoginName(email.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
