package io.newsdesk.generation.editor;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

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
        int end = Character.isLowSurrogate(clean.charAt(MAX_DESCRIPTION - 1)) ? MAX_DESCRIPTION - 2 : MAX_DESCRIPTION - 1;
        String cut = clean.substring(0, end); // never half a character
        int space = cut.lastIndexOf(' ');
        if (space > MAX_DESCRIPTION / 2) {
            cut = cut.substring(0, space);
        }
        return cut.replaceAll("[\\s,;:.\\-]+$", "") + "\u2026";
    }

    /**
     * Lower-case ASCII words joined by hyphens, at most {@value #MAX_SLUG} characters: accents dropped and the Latin
     * letters that have no accent to drop spelt out ("Straße" is "strasse", "Tromsø" "tromso"). A title in another
     * script (Greek, Cyrillic, Arabic, Chinese...) keeps its own letters, lower-cased, rather than losing them:
     * browsers show such a slug as written and send it percent-encoded.
     */
    public static String slug(String title) {
        String lower = title.toLowerCase(Locale.ROOT);
        StringBuilder latin = new StringBuilder();
        Normalizer.normalize(lower, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").codePoints()
                .mapToObj(Character::toString).forEach(c -> latin.append(SPELT_OUT.getOrDefault(c, c)));
        if (OTHER_LETTER.matcher(latin).find()) {
            return cut(words(Normalizer.normalize(lower, Normalizer.Form.NFC), "[^\\p{L}\\p{M}\\p{N}]+"));
        }
        return cut(words(latin.toString(), "[^a-z0-9]+"));
    }

    /** Latin letters NFKD leaves whole, as they are spelt in ASCII. */
    private static final Map<String, String> SPELT_OUT = Map.of("ß", "ss", "æ", "ae", "ø", "o", "œ", "oe", "ł", "l",
            "đ", "d", "ð", "d", "þ", "th", "ı", "i", "ħ", "h");
    /** A letter that is still not ASCII once accents are dropped and the letters above spelt out: another script. */
    private static final Pattern OTHER_LETTER = Pattern.compile("[\\p{L}&&[^a-z]]");

    private static String words(String text, String separator) {
        return text.replace("'", "").replace("\u2019", "").replaceAll(separator, "-").replaceAll("^-+|-+$", "");
    }

    /** At most {@value #MAX_SLUG} characters, cut at a hyphen when one is far enough in, never inside a character. */
    private static String cut(String slug) {
        if (slug.length() <= MAX_SLUG) {
            return slug;
        }
        int end = Character.isLowSurrogate(slug.charAt(MAX_SLUG)) ? MAX_SLUG - 1 : MAX_SLUG;
        String cut = slug.substring(0, end);
        int dash = cut.lastIndexOf('-');
        return (dash > MAX_SLUG / 2 ? cut.substring(0, dash) : cut).replaceAll("-+$", "");
    }
}
