package org.triad.shop.domain.model.item;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DescriptionRendererTest {

    @Test
    void theSubsetRendersEmphasisListsAndLineBreaks() {
        assertThat(DescriptionRenderer.html("**Hand-made** in *Yixing*\nsecond line\n\n- clay\n- 250 ml"))
                .isEqualTo("<p><strong>Hand-made</strong> in <em>Yixing</em><br />\nsecond line</p>\n"
                        + "<ul>\n<li>clay</li>\n<li>250 ml</li>\n</ul>\n");
    }

    @Test
    void htmlAndScriptsAreShownAsText() {
        String html = DescriptionRenderer.html("<script>alert(1)</script> <img src=x onerror=alert(2)>");
        assertThat(html).doesNotContain("<script").doesNotContain("<img").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void linksImagesHeadingsAndCodeAreNotRenderedButShownAsTyped() {
        String html = DescriptionRenderer.html("# Title\n[click](javascript:alert(1)) ![x](http://evil/x.png) `code`");
        assertThat(html).doesNotContain("<a").doesNotContain("<img").doesNotContain("<h1").doesNotContain("<code")
                .contains("[click](javascript:alert(1))").contains("# Title");
    }

    @Test
    void emptyIsEmpty() {
        assertThat(DescriptionRenderer.html("  ")).isEmpty();
    }
}
