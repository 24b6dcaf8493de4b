package io.newsdesk.core.content;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an article body into clean text: paragraphs separated by one blank line, whitespace collapsed, markup,
 * scripts and styles gone. HTML is parsed with jsoup, which copes with the broken markup CMSs produce.
 */
public final class ArticleText {

    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(\\s[^>]*)?/?>");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "header", "footer", "aside",
            "blockquote", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tr",
            "pre", "hr", "dl", "dt", "dd");
    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "iframe", "svg");

    private ArticleText() {
    }

    /** HTML when the body contains a tag, plain text otherwise. */
    public static BodyFormat detect(String body) {
        return body != null && LOOKS_LIKE_HTML.matcher(body).find() ? BodyFormat.HTML : BodyFormat.TEXT;
    }

    public static String clean(String body, BodyFormat format) {
        if (body == null || body.isBlank()) {
            return "";
        }
        return format == BodyFormat.HTML ? fromHtml(body) : normalise(body);
    }

    static String fromHtml(String html) {
        var document = Jsoup.parseBodyFragment(html);
        document.select(String.join(",", DROPPED)).remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText());
                } else if (node instanceof Element element) {
                    if (element.normalName().equals("br")) {
                        out.append('\n');
                    } else if (BLOCKS.contains(element.normalName())) {
                        out.append("\n\n");
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    out.append("\n\n");
                }
            }
        }, document.body());
        return normalise(out.toString());
    }

    static String normalise(String text) {
        String unified = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00a0', ' ');
        StringBuilder out = new StringBuilder(unified.length());
        int blankRun = 0;
        for (String line : unified.split("\n", -1)) {
            String collapsed = line.replaceAll("[ \\t\\f\\u000B]+", " ").strip();
            if (collapsed.isEmpty()) {
                blankRun++;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(blankRun > 0 ? "\n\n" : "\n");
            }
            out.append(collapsed);
            blankRun = 0;
        }
        return out.toString();
    }
}
