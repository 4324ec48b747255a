package org.triad.shop.interfaces.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.triad.common.security.RevocationList;

/**
 * Which HTTP sessions of this instance carry which bank device session ({@code sid}), so that a back-channel logout
 * ends them at once; the ended {@code sid} also goes to the platform's revocation list (the data grid), which every
 * request checks, so sessions on other instances end too.
 */
@ApplicationScoped
public class SignedInSessions {

    private static final Logger LOG = Logger.getLogger(SignedInSessions.class.getName());
    private static final Map<String, Set<HttpSession>> BY_SID = new ConcurrentHashMap<>();

    /** Remembers the session for its bank {@code sid}. */
    void register(String sid, HttpSession session) {
        if (sid != null) {
            BY_SID.computeIfAbsent(sid, k -> ConcurrentHashMap.newKeySet()).add(session);
        }
    }

    /**
     * The bank ended this device session: its shop sessions here end now, elsewhere at their next request.
     *
     * @return how many sessions of this instance were ended
     */
    public int end(String sid) {
        try {
            RevocationList.shared().revoke(sid, Instant.now().plus(Duration.ofMinutes(16)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not list the ended session in the data grid", e);
        }
        Set<HttpSession> sessions = BY_SID.remove(sid);
        int ended = 0;
        if (sessions != null) {
            for (HttpSession session : sessions) {
                try {
                    session.invalidate();
                    ended++;
                } catch (IllegalStateException alreadyGone) {
                    // ended meanwhile
                }
            }
        }
        return ended;
    }

    /** Whether the bank ended this device session (revocation list; fails closed if the grid cannot be asked). */
    boolean isEnded(String sid) {
        try {
            return RevocationList.shared().isRevoked(sid);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The revocation list cannot be asked; the session is treated as ended", e);
            return true;
        }
    }

    /** Drops sessions that end by themselves (time-out, sign-out). */
    @WebListener
    public static class Cleanup implements HttpSessionListener {

        @Override
        public void sessionDestroyed(HttpSessionEvent event) {
            HttpSession session = event.getSession();
            BY_SID.values().forEach(set -> set.remove(session));
            BY_SID.values().removeIf(Set::isEmpty);
        }
    }
}
