package io.newsdesk.generation.editor;

import java.text.Normalizer;
import java.util.Locale;

/** Search-engine text: a meta description of at most {@value #MAX_DESCRIPTION} characters and a URL slug. */
public final class SeoText {

    public static final int MAX_DESCRIPTION = 160;
    public static final int MAX_SLUG = 80;

    private SeoText() {
    }

    /** The text cut at a word boundary to fit, with an ellipsis when cut. */
    public static String description(String text) {
        String clean = text.replaceAll("\\s+", " ").strip();
        if (clean.length() <= MAX_DESCRIPTION) {
            return clean;
        }
        String cut = clean.substring(0, MAX_DESCRIPTION - 1);
        int space = cut.lastIndexOf(' ');
        if (space > MAX_DESCRIPTION / 2) {
            cut = cut.substring(0, space);
        }
        return cut.replaceAll("[\\s,;:.\\-]+$", "") + "\u2026";
    }

    /** Lower-case ASCII words joined by hyphens: accents dropped, anything else a separator, at most 80 characters. */
    public static String slug(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", "")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG);
            int dash = slug.lastIndexOf('-');
            slug = dash > MAX_SLUG / 2 ? slug.substring(0, dash) : slug;
        }
        return slug;
    }
}
