package org.triad.bank.domain.model.login;

import java.util.Optional;

public interface WeChatBindingRepository {

    Optional<WeChatBinding> findByOpenid(String openid);

    void add(WeChatBinding binding);
}
