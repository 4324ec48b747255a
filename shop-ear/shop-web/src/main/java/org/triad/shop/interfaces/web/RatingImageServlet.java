package org.triad.shop.interfaces.web;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.triad.shop.application.ratings.RatingService;
import org.triad.shop.domain.model.item.ItemImage;

/**
 * {@code GET /rating-images/<id>/<large|medium|thumb>}: an image of a buyer's rating as the shop re-encoded it,
 * served like item images ({@code image/jpeg}, strong {@code ETag}, a year of public caching, {@code nosniff}).
 */
@WebServlet("/rating-images/*")
public class RatingImageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient RatingService ratings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = request.getPathInfo() == null ? new String[0] : request.getPathInfo().split("/");
        if (parts.length != 3 || !parts[1].matches("\\d{1,18}") || !parts[2].matches("large|medium|thumb")) {
            response.sendError(404);
            return;
        }
        Optional<RatingService.ImageBytes> image = ratings.image(Long.parseLong(parts[1]),
                ItemImage.Size.valueOf(parts[2].toUpperCase(Locale.ROOT)));
        if (image.isEmpty()) {
            response.sendError(404);
            return;
        }
        String etag = "\"" + image.get().etag() + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        response.setHeader("X-Content-Type-Options", "nosniff");
        String match = request.getHeader("If-None-Match");
        if (match != null && (match.equals(etag) || match.equals("*"))) {
            response.setStatus(304);
            return;
        }
        response.setContentType("image/jpeg");
        response.setContentLength(image.get().jpeg().length);
        response.getOutputStream().write(image.get().jpeg());
    }
}
