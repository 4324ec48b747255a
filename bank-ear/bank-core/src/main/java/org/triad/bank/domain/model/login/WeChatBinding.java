package org.triad.bank.domain.model.login;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.triad.bank.domain.model.shared.Ids;
import org.triad.bank.domain.model.shared.InvalidStateException;

/**
 * A WeChat user of the bank's official account (openid, and unionid when WeChat sends it) and the customer it
 * signs in as; held without a customer until the person signs in another way once.
 */
@Entity
@Table(name = "wechat_binding")
public class WeChatBinding {

    @Id
    private long id;

    @Column(nullable = false)
    private String openid;

    private String unionid;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "bound_at")
    private Instant boundAt;

    protected WeChatBinding() {
    }

    /** An openid seen for the first time: held, not bound to anybody. */
    public WeChatBinding(String openid, String unionid, Instant now) {
        this.id = Ids.next();
        this.openid = openid;
        this.unionid = unionid;
        this.createdAt = now;
    }

    public void bind(long customer, Instant now) {
        if (customerId != null && customerId != customer) {
            throw new InvalidStateException("This WeChat account is bound to another customer.");
        }
        customerId = customer;
        boundAt = now;
    }

    public void seenUnionid(String value) {
        if (value != null && !value.isBlank()) {
            unionid = value;
        }
    }

    public boolean isBound() {
        return customerId != null;
    }

    public String openid() {
        return openid;
    }

    public String unionid() {
        return unionid;
    }

    public Long customerId() {
        return customerId;
    }
}
