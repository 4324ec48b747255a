package org.triad.common.rest;

import java.io.IOException;

/**
 * Reading a request body went past the size limit of the request (see {@code RequestSizeFilter} of common-web).
 * Whatever reads the body gets it as an I/O error; the REST layer answers {@code 413 request-too-large}.
 */
public class RequestTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    public RequestTooLargeException(long limit) {
        super("The request body may be at most " + limit + " bytes.");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** The problem that answers a body of more than {@code limit} bytes. */
    public static Problem problem(long limit) {
        return Problem.of("request-too-large", "Request too large", 413,
                "The request body may be at most " + limit + " bytes.");
    }
}
