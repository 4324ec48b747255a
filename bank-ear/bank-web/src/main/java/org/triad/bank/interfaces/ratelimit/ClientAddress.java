package org.triad.bank.interfaces.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address a request comes from. Behind a load balancer the peer is the balancer, so {@code X-Forwarded-For} is
 * read, but only when the peer is listed in {@code triad.bank.trusted-proxies}: anyone else could write any address
 * into that header and so escape the per-address limit.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request, Set<String> trustedProxies) {
        return resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trustedProxies);
    }

    /**
     * The rightmost address of {@code peer} and the forwarded chain that is not a trusted proxy: each trusted proxy
     * appends the address it received the request from, so entries left of the first untrusted one are whatever
     * the client claimed.
     */
    static String resolve(String peer, String forwardedFor, Set<String> trustedProxies) {
        if (peer == null || !trustedProxies.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        String first = hops[0].trim();
        return first.isEmpty() ? peer : first;
    }

    /** {@code "10.0.0.1, 10.0.0.2"} → the set of both. */
    static Set<String> parse(String list) {
        if (list == null) {
            return Set.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
