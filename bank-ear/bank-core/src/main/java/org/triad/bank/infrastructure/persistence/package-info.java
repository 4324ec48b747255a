/** The Bank application's database: data source definition, schema migrations at start-up. */
package org.triad.bank.infrastructure.persistence;
