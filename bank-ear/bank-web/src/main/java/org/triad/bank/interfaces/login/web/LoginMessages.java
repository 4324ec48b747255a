package org.triad.bank.interfaces.login.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Faces messages of the login-method screens, texts from the {@code lgm} bundle ({@code org.triad.bank.web.login}). */
public final class LoginMessages {

    private static final String BUNDLE = "org.triad.bank.web.login";

    private LoginMessages() {
    }

    static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getViewRoot() == null ? faces.getApplication().getDefaultLocale() : faces.getViewRoot().getLocale();
    }

    public static boolean has(String key) {
        return ResourceBundle.getBundle(BUNDLE, locale(), Thread.currentThread().getContextClassLoader())
                .containsKey(key);
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

    public static void info(String summaryKey, String detailKey) {
        add(null, FacesMessage.SEVERITY_INFO, summaryKey, detailKey);
    }

    public static void warn(String summaryKey, String detailKey) {
        add(null, FacesMessage.SEVERITY_WARN, summaryKey, detailKey);
    }

    /** The detail key for a WebAuthn ceremony the browser ended without an answer ({@code reason}: its error name). */
    public static String cancelledDetail(String reason) {
        return "NotSupportedError".equals(reason) ? "passkey.unsupported" : "passkey.cancelled";
    }

    public static void error(String clientId, String summaryKey, String detailKey) {
        add(clientId, FacesMessage.SEVERITY_ERROR, summaryKey, detailKey);
        FacesContext.getCurrentInstance().validationFailed();
    }

    private static void add(String clientId, FacesMessage.Severity severity, String summaryKey, String detailKey) {
        FacesContext.getCurrentInstance().addMessage(clientId,
                new FacesMessage(severity, text(summaryKey), detailKey == null ? null : text(detailKey)));
    }
}
