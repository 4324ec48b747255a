package org.triad.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestSizeFilterTest {

    private final RequestSizeFilter filter = new RequestSizeFilter();

    @Test
    void structuredBodiesGetTheBodyLimit() {
        for (String type : new String[] {null, "", "application/json", "application/json; charset=UTF-8",
                "application/merge-patch+json", "application/x-www-form-urlencoded", "text/plain",
                "application/xml", "text/xml", "APPLICATION/JSON"}) {
            assertThat(filter.limitFor(type)).as(String.valueOf(type)).isEqualTo(RequestSizeFilter.DEFAULT_MAX_BODY);
        }
    }

    @Test
    void filesGetTheUploadLimit() {
        for (String type : new String[] {"multipart/form-data; boundary=x", "application/pdf", "image/png",
                "application/octet-stream", "application/pkcs10"}) {
            assertThat(filter.limitFor(type)).as(type).isEqualTo(RequestSizeFilter.DEFAULT_MAX_UPLOAD);
        }
    }
}
