package org.triad.common.rest;

import jakarta.annotation.Priority;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Every JSON request body of the three REST APIs, whether the resource takes a JSON-P value or a JSON-B record, is
 * read through {@link StrictJson} first: what it refuses never reaches a resource. Records are then bound by JSON-B
 * as before. Bodies taken as {@code String}, bytes or streams are left to their resources.
 */
@Provider
// before Jersey's own JSON-B and JSON-P readers, which would otherwise be chosen for the same types
@Priority(Priorities.ENTITY_CODER)
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class StrictJsonBodyReader implements MessageBodyReader<Object> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return mediaType != null && (mediaType.getSubtype().equals("json") || mediaType.getSubtype().endsWith("+json"))
                && type != String.class && type != byte[].class && !InputStream.class.isAssignableFrom(type)
                && !Reader.class.isAssignableFrom(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        // the size is bounded before this (RequestSizeFilter, triad.http.max-body-bytes)
        String text = StrictJson.utf8(entityStream.readAllBytes());
        JsonValue value = StrictJson.parse(text);
        if (JsonValue.class.isAssignableFrom(type)) {
            return type.cast(value);
        }
        return JSONB.fromJson(text, genericType);
    }
}
