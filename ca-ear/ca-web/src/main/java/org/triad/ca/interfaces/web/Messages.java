package org.triad.ca.interfaces.web;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.triad.common.domain.DomainException;

/**
 * Faces messages of the CA screens from the {@code msg} bundle. A refused request shows the
 * domain exception's own (user-readable) text; anything else is logged and shown as a generic
 * failure, never with its details.
 */
final class Messages {

    private static final Logger LOG = Logger.getLogger(Messages.class.getName());
    private static final String BUNDLE = "org.triad.ca.web.messages";

    private Messages() {
    }

    static String text(String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, faces.getViewRoot().getLocale(),
                    Thread.currentThread().getContextClassLoader()).getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, faces.getViewRoot().getLocale()).format(args);
        } catch (MissingResourceException e) {
            return "???" + key + "???";
        }
    }

    static void info(String summaryKey, String detailKey, Object... args) {
        add(null, FacesMessage.SEVERITY_INFO, text(summaryKey), detailKey == null ? null : text(detailKey, args));
    }

    static void warn(String summaryKey, String detailKey, Object... args) {
        add(null, FacesMessage.SEVERITY_WARN, text(summaryKey), detailKey == null ? null : text(detailKey, args));
    }

    static void error(String clientId, String summaryKey, String detailKey, Object... args) {
        add(clientId, FacesMessage.SEVERITY_ERROR, text(summaryKey), detailKey == null ? null : text(detailKey, args));
    }

    /** A request the CA refused (bad CSR, unknown serial, ...): its message is meant for the user. */
    static void refused(String clientId, String summaryKey, DomainException e) {
        add(clientId, FacesMessage.SEVERITY_ERROR, text(summaryKey), e.getMessage());
    }

    /** An unexpected failure: logged with its cause, shown without details. */
    static void failed(String summaryKey, RuntimeException e) {
        Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof DomainException domain) {
            refused(null, summaryKey, domain);
            return;
        }
        LOG.log(Level.WARNING, "CA admin action failed", e);
        add(null, FacesMessage.SEVERITY_ERROR, text(summaryKey), text("error.unexpected"));
    }

    private static void add(String clientId, FacesMessage.Severity severity, String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, summary, detail));
    }
}
