package org.triad.common.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Maps {@link Instant} to DATETIME(6) columns: JPA 3.1 has no native Instant mapping, and Payara's
 * EclipseLink 4.0 would otherwise serialise it into a binary value. Shared by every EAR; each
 * persistence unit lists it as a {@code <class>} because classes in lib/ jars are not scanned.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Timestamp> {

    @Override
    public Timestamp convertToDatabaseColumn(Instant value) {
        return value == null ? null : Timestamp.from(value);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
