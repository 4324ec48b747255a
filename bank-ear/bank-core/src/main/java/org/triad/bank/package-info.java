/**
 * Bank, unified identity and payments. Layers are packages: {@code domain.model.<aggregate>} (entities, value objects,
 * repository interfaces), {@code application} (services; each public method is one JTA
 * transaction) and {@code infrastructure.<technology>} (JPA repositories, adapters).
 */
package org.triad.bank;
