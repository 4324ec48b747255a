package org.triad.bank.interfaces.ratelimit;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a resource method under a rate-limit rule, configured as {@code triad.bank.rate-limit.<rule>.*}
 * ({@code per-ip}, {@code per-account}, {@code window-seconds}); see {@link RateLimitRule}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RateLimited {

    /** The rule's name, e.g. {@code sign-in}, {@code codes}, {@code transfer}. */
    String value() default "";
}
