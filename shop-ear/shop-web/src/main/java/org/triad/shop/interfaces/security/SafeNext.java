package org.triad.shop.interfaces.security;

/** Where to go after a sign-in: only a path inside the shop, never another site ({@code //host}, {@code /\host}). */
public final class SafeNext {

    private SafeNext() {
    }

    public static String of(String next) {
        if (next == null || next.isBlank() || next.length() > 1000 || !next.startsWith("/") || next.startsWith("//")
                || next.startsWith("/\\") || next.chars().anyMatch(c -> c < 0x20 || c == '\\')) {
            return "/index.xhtml";
        }
        return next;
    }
}
