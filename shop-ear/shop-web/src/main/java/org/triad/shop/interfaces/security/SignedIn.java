package org.triad.shop.interfaces.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.triad.shop.infrastructure.bank.BankOidc;

/**
 * The browser session's sign-in, kept in the HTTP session (serialisable): the shop user and, for a sign-in with the
 * bank, the bank's tokens (their {@code sid} is the bank's device session, ended there → ended here). Also the
 * authorization requests in flight, by {@code state}.
 */
public record SignedIn(long userId, String method, BankOidc.BankTokens bank) implements Serializable {

    static final String ATTRIBUTE = SignedIn.class.getName();
    static final String PENDING = SignedIn.class.getName() + ".pending";
    static final String CARDS = SignedIn.class.getName() + ".cards";

    public String sid() {
        return bank == null ? null : bank.sid();
    }

    public static SignedIn of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof SignedIn s ? s : null;
    }

    static void store(HttpServletRequest request, SignedIn signedIn) {
        request.getSession(true).setAttribute(ATTRIBUTE, signedIn);
    }

    /** Authorization requests in flight in this session (at most a few: old ones are dropped). */
    @SuppressWarnings("unchecked")
    static synchronized Map<String, BankOidc.Pending> pending(HttpSession session) {
        Object value = session.getAttribute(PENDING);
        if (value instanceof HashMap<?, ?> map) {
            return (Map<String, BankOidc.Pending>) map;
        }
        HashMap<String, BankOidc.Pending> map = new HashMap<>();
        session.setAttribute(PENDING, map);
        return map;
    }
}
