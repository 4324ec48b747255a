package org.triad.ca.application;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Keeps the published CRL fresh without waiting for a request: every 15 minutes a new CRL is
 * published if the newest one is half-way to its nextUpdate. On a cluster every member runs it;
 * the CRL counter lock makes concurrent publications harmless.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CrlScheduler {

    @Inject
    CrlService crls;

    @Schedule(hour = "*", minute = "*/15", persistent = false)
    void refresh() {
        crls.current();
    }
}
