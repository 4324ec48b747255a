/** The CA application's database: data source definition, schema migrations at start-up. */
package org.triad.ca.infrastructure.persistence;
