package org.triad.common.persistence;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Each EAR defines its own data source with {@code @DataSourceDefinition} under this
 * application-scoped JNDI name, so that shared code finds "the application's database" without
 * knowing which application it runs in. Its persistence unit uses the same name.
 */
public final class TriadDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/triad";

    private TriadDataSource() {
    }

    public static DataSource lookup() {
        try {
            return InitialContext.doLookup(JNDI_NAME);
        } catch (NamingException e) {
            throw new IllegalStateException("Data source " + JNDI_NAME + " is not defined", e);
        }
    }
}
