package org.triad.common.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The visitor's UI language. Starts from the browser's {@code Accept-Language} (negotiated by Faces
 * against the supported locales of faces-config.xml) and can be switched from the header menu;
 * a {@code ?lang=zh-CN} parameter does the same for links and tests.
 */
@Named
@SessionScoped
public class LanguageSwitch implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    private Locale chosen;

    public Locale getLocale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        String requested = faces.getExternalContext().getRequestParameterMap().get("lang");
        if (requested != null) {
            supported(requested).ifPresent(l -> chosen = l);
        }
        return chosen != null ? chosen : faces.getApplication().getViewHandler().calculateLocale(faces);
    }

    public String getLanguageTag() {
        return getLocale().toLanguageTag();
    }

    public List<Locale> getSupported() {
        return SUPPORTED;
    }

    public void switchTo(String languageTag) {
        supported(languageTag).ifPresent(l -> {
            chosen = l;
            FacesContext.getCurrentInstance().getViewRoot().setLocale(l);
        });
    }

    /** Matches a language tag such as {@code zh-CN}, {@code zh} or {@code en-GB} to a supported locale. */
    static java.util.Optional<Locale> supported(String languageTag) {
        if (languageTag == null || languageTag.isBlank() || languageTag.length() > 35) {
            return java.util.Optional.empty();
        }
        Locale wanted = Locale.forLanguageTag(languageTag.replace('_', '-'));
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(wanted.getLanguage())).findFirst();
    }
}
