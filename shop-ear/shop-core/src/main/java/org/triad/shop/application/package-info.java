/**
 * The shop's use cases. Each public method of a {@code *Service} is one JTA transaction (a {@code @Stateless} bean)
 * that loads, calls a domain method and stores; callers are identified by their shop user id, and every service
 * checks itself that the caller may do what is asked (a seller's own items, shop admins for review), so a REST
 * resource or a screen that forgot a check cannot change another user's data.
 */
package org.triad.shop.application;
