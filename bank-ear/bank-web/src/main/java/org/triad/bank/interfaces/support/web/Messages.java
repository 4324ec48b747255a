package org.triad.bank.interfaces.support.web;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.triad.common.domain.DomainException;

/**
 * Faces messages of the bank's screens, all texts from the {@code msg} bundle. A request the bank refused (a
 * {@link DomainException}) is shown with the text of its problem type ({@code problem.<type>}) next to the field it
 * is about; anything else is logged and shown as a generic failure, never with its details.
 */
public final class Messages {

    private static final Logger LOG = Logger.getLogger(Messages.class.getName());
    private static final String BUNDLE = "org.triad.bank.web.messages";

    /** The input field a refusal is about, by problem type; the rest go to the page's messages. */
    private static final Map<String, String> FIELD_OF = Map.of(
            "invalid-amount", "amount",
            "insufficient-funds", "amount",
            "invalid-code", "code",
            "wrong-pay-password", "payPassword",
            "pay-password-locked", "payPassword",
            "recipient-not-available", "toCard",
            "card-not-usable", "card",
            "email-taken", "email");

    private Messages() {
    }

    public static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getViewRoot() == null ? faces.getApplication().getDefaultLocale() : faces.getViewRoot().getLocale();
    }

    public static String text(String key, Object... args) {
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, locale(), Thread.currentThread().getContextClassLoader())
                    .getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale()).format(args);
        } catch (MissingResourceException e) {
            return "???" + key + "???";
        }
    }

    public static boolean has(String key) {
        try {
            ResourceBundle.getBundle(BUNDLE, locale(), Thread.currentThread().getContextClassLoader()).getString(key);
            return true;
        } catch (MissingResourceException e) {
            return false;
        }
    }

    public static void info(String summaryKey, String detail) {
        add(null, FacesMessage.SEVERITY_INFO, text(summaryKey), detail);
    }

    static void warn(String summaryKey, String detail) {
        add(null, FacesMessage.SEVERITY_WARN, text(summaryKey), detail);
    }

    public static void error(String clientId, String summaryKey, String detail) {
        add(clientId, FacesMessage.SEVERITY_ERROR, text(summaryKey), detail);
    }

    /**
     * Shows why an action failed. {@code formId} is the id of the form whose fields ({@code amount}, {@code code},
     * ...) get the field messages; a refusal is also summarised in the page's messages.
     */
    public static void failed(String formId, String summaryKey, RuntimeException e) {
        Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof DomainException refused) {
            String type = refused.problemType();
            String detail = has("problem." + type) ? text("problem." + type) : refused.getMessage();
            String field = FIELD_OF.get(type);
            // one message: next to the field (the page's message list and the growl show it with the summary), or
            // for the page when no field is concerned
            if (formId != null && field != null && FacesContext.getCurrentInstance().getViewRoot()
                    .findComponent(formId + ":" + field) != null) {
                add(formId + ":" + field, FacesMessage.SEVERITY_ERROR, text(summaryKey), detail);
            } else {
                add(null, FacesMessage.SEVERITY_ERROR, text(summaryKey), detail);
            }
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        LOG.log(Level.WARNING, "Bank screen action failed", e);
        add(null, FacesMessage.SEVERITY_ERROR, text(summaryKey), text("error.unexpected"));
        FacesContext.getCurrentInstance().validationFailed();
    }

    private static void add(String clientId, FacesMessage.Severity severity, String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, summary, detail));
    }
}
