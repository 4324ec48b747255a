/**
 * The shop's domain: users and their roles ({@code user}), categories, items with their review life cycle; each
 * aggregate guards its own rules and changes state through intent-revealing methods. Repository interfaces live
 * here, their JPA implementations in {@code infrastructure.persistence}.
 */
package org.triad.shop.domain.model;
