package org.triad.bank.interfaces.oauth.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.triad.bank.interfaces.support.web.Messages;

/** Texts of the OAuth and open-platform screens (bundle {@code oauth}, var {@code oam}). */
public final class OAuthTexts {

    private static final String BUNDLE = "org.triad.bank.web.oauth";

    private OAuthTexts() {
    }

    public static String text(String key, Object... args) {
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, Messages.locale(),
                    Thread.currentThread().getContextClassLoader()).getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, Messages.locale()).format(args);
        } catch (MissingResourceException e) {
            return "???" + key + "???";
        }
    }

    public static void info(String summaryKey, String detail) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_INFO, text(summaryKey), detail));
    }

    static void error(String summaryKey, String detail) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, text(summaryKey), detail));
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** Shows why an action failed: a refusal's message, anything else logged and shown as a generic failure. */
    public static void failed(String summaryKey, RuntimeException e) {
        Throwable cause = e instanceof jakarta.ejb.EJBException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof org.triad.common.domain.DomainException refused) {
            String key = "problem." + refused.problemType();
            String detail = Messages.has(key) ? Messages.text(key) : refused.getMessage();
            error(summaryKey, detail);
            return;
        }
        java.util.logging.Logger.getLogger(OAuthTexts.class.getName())
                .log(java.util.logging.Level.WARNING, "OAuth screen action failed", e);
        error(summaryKey, Messages.text("error.unexpected"));
    }

    /** A scope's human description. */
    static String scope(String scope) {
        return text("scope." + scope.replace(':', '.'));
    }
}
