package io.newsdesk.generation.editor;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How words are written where capitals carry meaning: counts, per word, of its capitalised uses inside ordinary
 * sentences (a name's mark) and of its lower-case uses. A sentence's first word and the words of a headline written
 * in title case are capitalised whatever they are, so they are not counted; these statistics are what tells, in
 * such places, "Gomez" (a name) from "Deletes" (a word).
 */
public final class WordCasing {

    /** What the counts say of a word. */
    public enum Evidence { NAME, WORD, UNKNOWN }

    /** Words with letters, digits, inner apostrophes, dots, hyphens and ampersands; or one other character. */
    static final Pattern TOKEN = Pattern.compile(
            "[\\p{L}\\p{N}][\\p{L}\\p{N}'\u2019&.-]*[\\p{L}\\p{N}'\u2019]|[\\p{L}\\p{N}]|[^\\s\\p{L}\\p{N}]");
    /** Uses a word needs before the counts speak for it. */
    static final int MIN_USES = 2;
    /** Words of four letters or more that title case may leave in lower case. */
    static final Set<String> LOWER_IN_TITLES = Set.of("with", "from", "into", "onto", "over", "upon", "than", "that", "about",
            "after", "amid", "before", "near", "past", "under", "until", "versus", "without");

    public static final WordCasing NONE = new WordCasing(Map.of());

    /** Per lower-cased word: capitalised uses inside sentences, lower-case uses. */
    private final Map<String, int[]> counts;

    private WordCasing(Map<String, int[]> counts) {
        this.counts = counts;
    }

    /** The statistics of {@code texts}, split into sentences (paragraphs apart). */
    public static WordCasing learn(Collection<String> texts) {
        Map<String, int[]> counts = new HashMap<>();
        for (String text : texts) {
            for (String sentence : Sentences.of(text)) {
                List<String> tokens = tokens(sentence);
                boolean headline = isHeadline(tokens);
                for (int i = 0; i < tokens.size(); i++) {
                    String token = tokens.get(i);
                    if (!Character.isLetter(token.charAt(0))) {
                        continue;
                    }
                    if (Character.isLowerCase(token.charAt(0))) {
                        counts.computeIfAbsent(key(token), k -> new int[2])[1]++;
                    } else if (!headline && !startsClause(tokens, i)) {
                        counts.computeIfAbsent(key(token), k -> new int[2])[0]++;
                    }
                }
            }
        }
        return new WordCasing(counts);
    }

    /** NAME when the word is mostly capitalised inside sentences, WORD when mostly lower-case, else UNKNOWN. */
    public Evidence of(String word) {
        int[] c = counts.get(key(word));
        if (c == null || c[0] + c[1] < MIN_USES || c[0] == c[1]) {
            return Evidence.UNKNOWN;
        }
        return c[0] > c[1] ? Evidence.NAME : Evidence.WORD;
    }

    /** Whether the word was ever seen capitalised inside a sentence or ever seen in lower case. */
    Evidence anyUse(String word) {
        int[] c = counts.get(key(word));
        if (c == null) {
            return Evidence.UNKNOWN;
        }
        return c[0] > 0 ? Evidence.NAME : c[1] > 0 ? Evidence.WORD : Evidence.UNKNOWN;
    }

    /** Words counted. */
    public int size() {
        return counts.size();
    }

    static List<String> tokens(String sentence) {
        List<String> tokens = new java.util.ArrayList<>();
        Matcher m = TOKEN.matcher(sentence);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    /**
     * A headline in title case, where capitals say nothing about a word: at least three words of four letters or more,
     * every one of them capitalised but the prepositions some styles leave in lower case ("with", "from").
     */
    static boolean isHeadline(List<String> tokens) {
        int words = 0;
        for (String token : tokens) {
            if (token.length() >= 4 && Character.isLetter(token.charAt(0))) {
                if (Character.isLowerCase(token.charAt(0)) && !LOWER_IN_TITLES.contains(token)) {
                    return false;
                }
                words++;
            }
        }
        return words >= 3;
    }

    /** The first word of a sentence, or the first after punctuation that opens a clause (a colon, a quote, a dash). */
    static boolean startsClause(List<String> tokens, int i) {
        if (i == 0) {
            return true;
        }
        String before = tokens.get(i - 1);
        return !Character.isLetterOrDigit(before.charAt(0)) && !before.equals(",");
    }

    /** The word without a possessive ending, lower-cased. */
    static String key(String word) {
        return withoutPossessive(word).toLowerCase(Locale.ROOT);
    }

    static String withoutPossessive(String word) {
        if (word.endsWith("'s") || word.endsWith("\u2019s")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 1 && (word.endsWith("'") || word.endsWith("\u2019"))) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
