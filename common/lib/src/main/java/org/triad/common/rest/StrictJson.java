package org.triad.common.rest;

import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The one strict reading of a JSON request body: UTF-8 only (an invalid byte sequence is refused, never turned into
 * U+FFFD), exactly one JSON value (trailing content after it is refused — before, {@code {"amount":"0.01"}garbage}
 * moved money), and no duplicate member names (which one "wins" would differ between us and whatever checked the
 * request before us). Failures are {@link JsonException}s, which {@link ProblemExceptionMapper} answers
 * {@code 400 malformed-body}.
 */
public final class StrictJson {

    private static final JsonProvider JSON = JsonProvider.provider();

    private StrictJson() {
    }

    /** Decodes strictly as UTF-8. */
    public static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new JsonException("The request body is not valid UTF-8.");
        }
    }

    /** Exactly one JSON value and nothing after it but white space; duplicate member names refused. */
    public static JsonValue parse(String text) {
        // one pass over the events checks what JSON-P's readers let through (Parsson 1.1 applies no key strategy
        // to a parser's values): duplicate names at any depth, content after the value; then the text is read
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw new JsonException("The request body is empty.");
            }
            Deque<Set<String>> objects = new ArrayDeque<>();
            int depth = 0;
            do {
                switch (parser.next()) {
                    case START_OBJECT -> {
                        objects.push(new HashSet<>());
                        depth++;
                    }
                    case END_OBJECT -> {
                        objects.pop();
                        depth--;
                    }
                    case START_ARRAY -> depth++;
                    case END_ARRAY -> depth--;
                    case KEY_NAME -> {
                        if (!objects.peek().add(parser.getString())) {
                            throw new JsonException("The request body names a member twice.");
                        }
                    }
                    default -> {
                    }
                }
            } while (depth > 0);
            if (parser.hasNext()) {
                throw new JsonException("The request body has content after its JSON value.");
            }
        }
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
