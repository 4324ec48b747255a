/** The Shop application's database: data source definition, schema migrations at start-up. */
package org.triad.shop.infrastructure.persistence;
