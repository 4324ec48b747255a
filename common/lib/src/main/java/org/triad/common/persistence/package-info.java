/**
 * Database plumbing shared by the three applications: the application-scoped data source name
 * each EAR defines, and versioned schema migrations (Flyway) run before the application serves.
 */
package org.triad.common.persistence;
