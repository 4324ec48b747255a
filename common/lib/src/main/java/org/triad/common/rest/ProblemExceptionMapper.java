package org.triad.common.rest;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.triad.common.domain.DomainException;

/**
 * The one place where exceptions become HTTP responses: every error of every Triad REST API is an
 * RFC 9457 {@code application/problem+json} document with a stable type. Unexpected exceptions are
 * logged with an id and answered with a generic 500 that carries only that id, never a stack trace.
 */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable exception) {
        Problem problem = toProblem(unwrap(exception));
        if (uriInfo != null) {
            problem = problem.withInstance(uriInfo.getRequestUri().getPath());
        }
        Response response = problem.toResponse();
        if (exception instanceof NotAllowedException notAllowed) {
            return Response.fromResponse(response)
                    .allow(notAllowed.getResponse().getAllowedMethods()).build();
        }
        if (unwrap(exception) instanceof DomainException domain && domain.retryAfterSeconds() > 0) {
            return Response.fromResponse(response).header("Retry-After", domain.retryAfterSeconds()).build();
        }
        if (unwrap(exception) instanceof WebApplicationException wae) {
            // keep the headers that tell the client what to do next
            Response.ResponseBuilder builder = Response.fromResponse(response);
            for (String header : new String[] {"WWW-Authenticate", "Retry-After"}) {
                Object value = wae.getResponse().getHeaders().getFirst(header);
                if (value != null) {
                    builder.header(header, value);
                }
            }
            return builder.build();
        }
        return response;
    }

    static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while (current instanceof EJBException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    Problem toProblem(Throwable t) {
        if (t instanceof DomainException domain) {
            return Problem.of(domain.problemType(), domain.title(), domain.status(), domain.getMessage());
        }
        if (t instanceof ConstraintViolationException cve) {
            String detail = cve.getConstraintViolations().stream()
                    .map(v -> lastNode(v.getPropertyPath().toString()) + ": " + v.getMessage())
                    .sorted()
                    .collect(Collectors.joining("; "));
            return Problem.of("validation", "Invalid request", 400, detail);
        }
        RequestTooLargeException tooLarge = causeOfType(t, RequestTooLargeException.class);
        if (tooLarge != null) {
            return RequestTooLargeException.problem(tooLarge.limit());
        }
        if (isMalformedBody(t)) {
            return Problem.of("malformed-body", "Malformed request body", 400,
                    "The request body is not valid JSON for this operation.");
        }
        if (t instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            String title = Response.Status.fromStatusCode(status) != null
                    ? Response.Status.fromStatusCode(status).getReasonPhrase() : "HTTP " + status;
            String shortType = switch (status) {
                case 400 -> "bad-request";
                case 401 -> "unauthorized";
                case 403 -> "forbidden";
                case 404 -> "not-found";
                case 405 -> "method-not-allowed";
                case 406 -> "not-acceptable";
                case 415 -> "unsupported-media-type";
                case 429 -> "too-many-requests";
                default -> "http-" + status;
            };
            String detail = status >= 500 ? null : wae.getMessage();
            if (status >= 500) {
                LOG.log(Level.SEVERE, "Request failed with status " + status, wae);
            }
            return Problem.of(shortType, title, status, detail);
        }
        String incident = java.util.UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, t);
        return Problem.of("internal", "Internal error", 500,
                "The request could not be completed. Quote incident " + incident + " to support.")
                .with("incident", incident);
    }

    private static <T extends Throwable> T causeOfType(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static boolean isMalformedBody(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof JsonbException || c instanceof JsonParsingException
                    || c instanceof jakarta.json.JsonException) {
                return true;
            }
            if (c instanceof ProcessingException && c.getCause() == null) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
