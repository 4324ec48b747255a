/**
 * Rate limiting of the bank's sensitive endpoints (sign-in, codes, registration, password reset, money movements).
 * Resource methods name their rule with {@link org.triad.bank.interfaces.ratelimit.RateLimited}; the
 * {@link org.triad.bank.interfaces.ratelimit.RateLimitFilter} counts each call per client address and, where the
 * rule says so, per signed-in account, and answers {@code 429 too-many-requests} with {@code Retry-After} before the
 * resource runs, so a refused call changes nothing. Failed HTTP Basic sign-ins are counted by the authentication
 * mechanism against the same {@code sign-in} rule.
 *
 * <p>Counters live in a JCache cache of Payara's Hazelcast data grid ({@link org.triad.bank.interfaces.ratelimit.RateLimiter}),
 * so every instance of a cluster sees the same counts; the window arithmetic is
 * {@link org.triad.bank.interfaces.ratelimit.Window}. The lockouts after wrong passwords and pay passwords are
 * separate and live in the database.
 */
package org.triad.bank.interfaces.ratelimit;
