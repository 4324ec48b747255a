package org.triad.shop.interfaces.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Base64;
import org.triad.shop.application.orders.CartService;

/**
 * The anonymous visitor's cart token: 32 random bytes in the cookie {@code triad_cart} (HttpOnly, Secure,
 * SameSite=Lax, 30 days, the shop's path). It names a cart, nothing else; at sign-in the cart joins the user's and
 * the cookie is dropped.
 */
public final class CartCookie {

    public static final String NAME = "triad_cart";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CartCookie() {
    }

    /** The anonymous cart's owner key of this browser, or null. */
    public static String owner(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie c : request.getCookies()) {
            if (NAME.equals(c.getName())) {
                return CartService.anonymousOwner(c.getValue());
            }
        }
        return null;
    }

    /** The anonymous cart's owner key, a new token set as cookie if there is none. */
    public static String ownerOrNew(HttpServletRequest request, HttpServletResponse response) {
        String owner = owner(request);
        if (owner != null) {
            return owner;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        response.addCookie(cookie(request, token, 30 * 24 * 3600));
        return CartService.anonymousOwner(token);
    }

    public static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie(request, "", 0));
    }

    private static Cookie cookie(HttpServletRequest request, String value, int maxAge) {
        Cookie c = new Cookie(NAME, value);
        c.setHttpOnly(true);
        c.setSecure(true);
        c.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        c.setMaxAge(maxAge);
        c.setAttribute("SameSite", "Lax");
        return c;
    }
}
