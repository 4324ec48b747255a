package org.triad.shop.interfaces.web;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.triad.common.domain.DomainException;
import org.triad.shop.domain.model.shared.ShopRuleException;

/**
 * Faces messages of the shop's screens, texts from the {@code msg} bundle. A refusal of the shop
 * ({@link DomainException}) is shown with the text of its problem type ({@code problem.<type>}, else its own
 * message) next to the field it names ({@code <form>:<field>}); anything else is logged and shown as a generic
 * failure, never with details.
 */
final class Messages {

    private static final Logger LOG = Logger.getLogger(Messages.class.getName());
    private static final String BUNDLE = "org.triad.shop.web.messages";

    private Messages() {
    }

    static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getViewRoot() == null ? Locale.ENGLISH : faces.getViewRoot().getLocale();
    }

    static String text(String key, Object... args) {
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, locale(), Thread.currentThread().getContextClassLoader())
                    .getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale()).format(args);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    static void info(String key, Object... args) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, args), null));
    }

    /** An information next to one component (not repeated by every form's global messages). */
    static void infoFor(String clientId, String key, Object... args) {
        FacesContext.getCurrentInstance().addMessage(clientId,
                new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, args), null));
    }

    /** Shows a refusal next to its field in {@code formId}, or for the page. */
    static void refused(Throwable t, String formId) {
        Throwable c = t;
        while (c instanceof EJBException && c.getCause() != null) {
            c = c.getCause();
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        if (c instanceof DomainException domain) {
            String text = text("problem." + domain.problemType());
            String shown = text != null ? text : domain.getMessage();
            String field = c instanceof ShopRuleException rule ? rule.field() : null;
            faces.addMessage(field == null || formId == null ? null : formId + ":" + field,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, shown, null));
            faces.validationFailed();
            return;
        }
        LOG.log(Level.SEVERE, "A shop screen failed", t);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text("error.generic"), null));
        faces.validationFailed();
    }
}
