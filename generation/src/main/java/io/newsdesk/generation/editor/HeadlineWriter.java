package io.newsdesk.generation.editor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Headline candidates without a language model: the summary's sentences compressed the way sub-editors compress
 * them: attribution ("..., the council said") and the day of the week go, the final full stop goes, and the
 * result is cut at a word to at most {@value #MAX_CHARS} characters.
 */
public final class HeadlineWriter {

    public static final String ENGINE = "extractive-compressed(summary sentences)";
    public static final int MAX_CHARS = 90;

    private HeadlineWriter() {
    }

    public static List<String> candidates(List<String> sentences, int count) {
        Set<String> headlines = new LinkedHashSet<>();
        for (String s : sentences) {
            String h = compress(s);
            if (!h.isEmpty()) {
                headlines.add(h);
            }
            if (headlines.size() == count) {
                break;
            }
        }
        return new ArrayList<>(headlines);
    }

    static String compress(String sentence) {
        String h = sentence.strip()
                .replaceAll(",\\s+(?:he|she|they|it|the [\\w\\s'\u2019-]{1,40}?|[A-Z][\\w\\s'\u2019.-]{1,40}?)\\s+(?:said|says|announced|confirmed|told [\\w\\s]+)\\.?$", "")
                .replaceAll("\\s+on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b", "")
                .replaceAll("[.!]+$", "");
        if (h.length() > MAX_CHARS) {
            int end = Character.isLowSurrogate(h.charAt(MAX_CHARS)) ? MAX_CHARS - 1 : MAX_CHARS; // whole characters
            h = h.substring(0, end);
            int space = h.lastIndexOf(' ');
            h = (space > MAX_CHARS / 2 ? h.substring(0, space) : h).replaceAll("[\\s,;:-]+$", "");
        }
        return h;
    }
}
