package org.triad.bank.interfaces.banking.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.math.BigDecimal;
import org.triad.bank.domain.model.money.InvalidAmountException;
import org.triad.bank.domain.model.money.Money;

/**
 * The amount fields of the money screens ({@code card-amount.xhtml}): the entered text goes through
 * {@link Money#parsePositive(String)}, the bank's one amount parser, instead of JSF's lenient {@code BigDecimal}
 * conversion (which takes {@code 1e2} or {@code 1e-1000000}). The message never repeats the input; the page's
 * {@code converterMessage} replaces it.
 */
@FacesConverter("bankAmount")
public class AmountConverter implements Converter<BigDecimal> {

    @Override
    public BigDecimal getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Money.parsePositive(value).amount();
        } catch (InvalidAmountException e) {
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), e.getMessage()));
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
