package org.triad.bank.domain.model.card;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class CardNumberConverter implements AttributeConverter<CardNumber, String> {

    @Override
    public String convertToDatabaseColumn(CardNumber number) {
        return number == null ? null : number.value();
    }

    @Override
    public CardNumber convertToEntityAttribute(String value) {
        return value == null ? null : new CardNumber(value);
    }
}
