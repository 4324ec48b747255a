package org.triad.bank.interfaces.organisation.web;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.triad.bank.interfaces.support.web.Messages;
import org.triad.common.domain.DomainException;

/**
 * Faces messages of the organisation screens, texts from the {@code orgm} bundle: a refusal is shown with the text
 * of its problem type ({@code problem.<type>}), anything unexpected is logged and shown generically.
 */
final class OrganisationMessages {

    private static final Logger LOG = Logger.getLogger(OrganisationMessages.class.getName());
    private static final String BUNDLE = "org.triad.bank.web.organisation";

    private OrganisationMessages() {
    }

    static String text(String key, Object... args) {
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, Messages.locale(),
                    Thread.currentThread().getContextClassLoader()).getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, Messages.locale()).format(args);
        } catch (MissingResourceException e) {
            return "???" + key + "???";
        }
    }

    private static boolean has(String key) {
        try {
            ResourceBundle.getBundle(BUNDLE, Messages.locale(), Thread.currentThread().getContextClassLoader())
                    .getString(key);
            return true;
        } catch (MissingResourceException e) {
            return false;
        }
    }

    static void info(String summaryKey, String detail) {
        add(FacesMessage.SEVERITY_INFO, text(summaryKey), detail);
    }

    static void error(String summaryKey, String detail) {
        add(FacesMessage.SEVERITY_ERROR, text(summaryKey), detail);
        FacesContext.getCurrentInstance().validationFailed();
    }

    static void failed(String summaryKey, RuntimeException e) {
        Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof DomainException refused) {
            String key = "problem." + refused.problemType();
            add(FacesMessage.SEVERITY_ERROR, text(summaryKey), has(key) ? text(key) : refused.getMessage());
        } else {
            LOG.log(Level.WARNING, "Organisation screen action failed", e);
            add(FacesMessage.SEVERITY_ERROR, text(summaryKey), text("error.unexpected"));
        }
        FacesContext.getCurrentInstance().validationFailed();
    }

    private static void add(FacesMessage.Severity severity, String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, detail));
    }
}
