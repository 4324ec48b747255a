package org.triad.shop.domain.model.item;

import java.util.Map;
import java.util.Set;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * An item description as sellers write it: plain text with a small safe subset of Markdown — paragraphs, line
 * breaks, *emphasis*, **strong**, bullet and numbered lists. Everything else (HTML, links, images, headings, code,
 * quotes) is shown as the text that was typed: raw HTML is escaped by the renderer and the other block types are not
 * parsed at all, so the output can only contain {@code p br em strong ul ol li}.
 */
public final class DescriptionRenderer {

    private static final Parser PARSER = Parser.builder()
            .enabledBlockTypes(Set.of(org.commonmark.node.ListBlock.class))
            .build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .softbreak("<br />\n").build();
    private static final Set<Class<? extends Node>> NOT_ALLOWED = Set.of(Link.class, Image.class, HtmlInline.class,
            HtmlBlock.class, Code.class, Heading.class, BlockQuote.class, FencedCodeBlock.class,
            IndentedCodeBlock.class, ThematicBreak.class);

    private DescriptionRenderer() {
    }

    /** Safe HTML for the item page. */
    public static String html(String description) {
        if (description == null || description.isBlank()) {
            return "";
        }
        Node document = PARSER.parse(description);
        if (contains(document)) {
            // a link, image or inline code the subset does not allow: show it all as text
            return RENDERER.render(PARSER.parse(escapeMarkdown(description)));
        }
        return RENDERER.render(document);
    }

    private static boolean contains(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (NOT_ALLOWED.contains(child.getClass()) || contains(child)) {
                return true;
            }
        }
        return false;
    }

    private static final Map<Character, String> ESCAPES = Map.of('[', "\\[", ']', "\\]", '`', "\\`", '!', "\\!",
            '<', "\\<", '>', "\\>");

    private static String escapeMarkdown(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            out.append(ESCAPES.getOrDefault(c, String.valueOf(c)));
        }
        return out.toString();
    }
}
