/**
 * Readiness shared by the three applications: database and schema checks (MicroProfile Health
 * {@code @Readiness}) and the {@code GET /api/v1/health} resource that reports them as JSON.
 */
package org.triad.common.health;
