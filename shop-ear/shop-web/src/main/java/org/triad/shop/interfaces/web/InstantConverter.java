package org.triad.shop.interfaces.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * Every {@link Instant} a shop screen shows ({@code <h:outputText value="#{order.createdAt()}"/>}) as local date and
 * time to the second ({@link Dates}), never as a raw ISO-8601 timestamp: registered for the type, so no page or bean
 * has to format it.
 */
@FacesConverter(forClass = Instant.class)
public class InstantConverter implements Converter<Instant> {

    @Override
    public String getAsString(FacesContext context, UIComponent component, Instant value) {
        return Dates.time(value);
    }

    @Override
    public Instant getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Dates.instant(LocalDateTime.parse(value.trim(), Dates.SHOWN));
        } catch (DateTimeParseException e) {
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, "yyyy-MM-dd HH:mm:ss", null));
        }
    }
}
