package org.triad.shop.interfaces.web;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.triad.shop.application.CatalogueService;
import org.triad.shop.domain.model.item.ItemImage;

/**
 * {@code GET /images/<id>/<large|medium|thumb>}: an item image as the shop re-encoded it, {@code image/jpeg}, with a
 * strong {@code ETag} (304 on {@code If-None-Match}) and a year of caching (the bytes of an id never change). Images
 * of items a buyer may see are public ({@code Cache-Control: public}); the rest only for the seller and shop admins
 * ({@code private}); anything else 404.
 */
@WebServlet("/images/*")
public class ImageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient CatalogueService catalogue;

    @Inject
    transient SecurityContext security;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = request.getPathInfo() == null ? new String[0] : request.getPathInfo().split("/");
        if (parts.length != 3 || !parts[1].matches("\\d{1,19}") || !parts[2].matches("large|medium|thumb")) {
            response.sendError(404);
            return;
        }
        Long viewer = security.getCallerPrincipal() == null ? null
                : Long.valueOf(security.getCallerPrincipal().getName());
        long id = Long.parseLong(parts[1]);
        ItemImage.Size size = ItemImage.Size.valueOf(parts[2].toUpperCase(Locale.ROOT));
        Optional<CatalogueService.ImageBytes> image = catalogue.image(id, size, null);
        boolean isPublic = image.isPresent();
        if (image.isEmpty() && viewer != null) {
            image = catalogue.image(id, size, viewer);
        }
        if (image.isEmpty()) {
            response.sendError(404);
            return;
        }
        String etag = "\"" + image.get().etag() + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", (isPublic ? "public" : "private") + ", max-age=31536000, immutable");
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
