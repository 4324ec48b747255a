/**
 * The bank's domain model, one package per aggregate: entities guard their invariants with intent-revealing
 * methods, value objects ({@code Money}, {@code CardNumber}) validate themselves, repositories are interfaces here
 * and JPA classes in {@code infrastructure.persistence}. No transactions and no container services here.
 */
package org.triad.bank.domain.model;
