package org.triad.bank.interfaces.support.rest;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.triad.bank.application.organisation.OrganisationViews.DocumentDownload;

/** A stored document as an attachment: never rendered inline, never sniffed, never cached. */
public final class Downloads {

    private Downloads() {
    }

    public static Response of(DocumentDownload download) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        String ascii = download.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        String utf8 = URLEncoder.encode(download.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(download.content(), download.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + utf8)
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(noStore)
                .build();
    }
}
