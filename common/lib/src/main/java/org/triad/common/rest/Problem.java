package org.triad.common.rest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * An RFC 9457 problem detail. The {@code type} is a stable URI under {@link #TYPE_BASE}; clients
 * switch on it, never on the human-readable title or detail.
 */
public record Problem(String type, String title, int status, String detail, String instance,
                      Map<String, Object> extensions) {

    public static final String TYPE_BASE = "https://triad.example/problems/";
    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static Problem of(String shortType, String title, int status, String detail) {
        return new Problem(TYPE_BASE + shortType, title, status, detail, null, Map.of());
    }

    public Problem withInstance(String newInstance) {
        return new Problem(type, title, status, detail, newInstance, extensions);
    }

    public Problem with(String key, Object value) {
        var copy = new java.util.LinkedHashMap<>(extensions);
        copy.put(key, value);
        return new Problem(type, title, status, detail, instance, copy);
    }

    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("type", type)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            b.add("detail", detail);
        }
        if (instance != null) {
            b.add("instance", instance);
        }
        extensions.forEach((k, v) -> b.add(k, Json.createValue(String.valueOf(v))));
        return b.build();
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(toJson().toString()).build();
    }
}
