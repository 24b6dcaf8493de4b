package io.newsdesk.generation.editor;

import io.newsdesk.generation.editor.WordCasing.Evidence;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;

/**
 * Names in a text (people, places, organisations, products), most frequent first: runs of capitalised words. A
 * capital inside an ordinary sentence marks a name; at the start of a sentence or in a title-case headline it marks
 * nothing, so there a word counts as a name only on evidence: capitalised inside a sentence of the same text, else
 * mostly capitalised in the archive ({@link WordCasing}), else unseen but before a name ("Bernie" before
 * "Sanders"). Acronyms and words with inner capitals ("NAACP", "SpaceX", "iPhone") are names
 * anywhere but in shouted text. Runs join across "of", "de", "van" and the like ("Church of Scientology"); titles
 * before a name ("Rep.", "Coach") and possessive endings are dropped; days and months are not names here.
 */
public final class NamedEntities {

    /** Lower-case words that may join the parts of one name. */
    static final Set<String> JOINERS = Set.of("of", "de", "del", "la", "le", "van", "von", "der", "den", "du", "da",
            "&");
    /** Titles and roles written before a name, not part of it. */
    static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "dr", "rep", "sen", "gov", "lt", "gen", "sgt", "col",
            "capt", "prof", "rev", "president", "senator", "governor", "mayor", "coach", "officer", "deputy", "judge",
            "detective", "representative", "chairman", "sheriff", "commissioner", "secretary", "speaker", "attorney",
            "chief");
    /** Days and months, with their abbreviations: dates rather than names. */
    static final Set<String> CALENDAR = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");
    /**
     * Words that open sentences, which a small archive may not have met in lower case yet, so that an unseen one is
     * not taken for a first name: Snowball's English stop words (Lucene ships them) and common openers it lacks.
     */
    static final Set<String> COMMON = common();

    /** Words of four letters or more in capitals beyond which a sentence is shouted, and capitals mean nothing. */
    static final int SHOUTED_WORDS = 3;

    private NamedEntities() {
    }

    /** Up to {@code count} names in {@code text}, most frequent first, judged with the {@code archive}'s casing. */
    public static List<String> find(String text, int count, WordCasing archive) {
        List<String> sentences = Sentences.of(text);
        WordCasing own = WordCasing.learn(List.of(text));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String sentence : sentences) {
            List<String> tokens = WordCasing.tokens(sentence);
            boolean headline = WordCasing.isHeadline(tokens);
            boolean shouted = tokens.stream().filter(t -> t.length() > 3 && isAcronym(t)).count() > SHOUTED_WORDS;
            List<String> run = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i);
                if (isName(tokens, i, headline, shouted, own, archive)) {
                    boolean abbreviation = token.indexOf('.') > 0 && i + 1 < tokens.size()
                            && tokens.get(i + 1).equals(".");
                    run.add(abbreviation ? token + "." : token); // "D.C." loses its last dot to the tokens
                    boolean possessive = !WordCasing.withoutPossessive(token).equals(token);
                    if (!possessive) {
                        continue;
                    } // an owner ends a name: "Kim Kardashian's SKIMS" is two
                } else if (!run.isEmpty() && JOINERS.contains(token) && i + 1 < tokens.size()
                        && isName(tokens, i + 1, headline, shouted, own, archive)) {
                    run.add(token);
                    continue;
                }
                count(run, counts);
            }
            count(run, counts);
        }
        return counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(count)
                .map(Map.Entry::getKey).toList();
    }

    private static Set<String> common() {
        Set<String> words = new HashSet<>(List.of("every", "another", "many", "several", "much", "last", "next",
                "today", "yesterday", "tomorrow", "tonight", "now", "later", "earlier", "meanwhile", "however", "also",
                "still", "even", "just", "already", "yet", "instead", "despite", "although", "though", "since", "unlike",
                "like", "amid", "among", "without", "within", "according"));
        InputStream snowball = SnowballFilter.class.getResourceAsStream("english_stop.txt");
        if (snowball == null) {
            throw new IllegalStateException("Lucene's Snowball English stop words are missing from the classpath");
        }
        try (Reader list = new InputStreamReader(snowball, StandardCharsets.UTF_8)) {
            WordlistLoader.getSnowballWordSet(list).forEach(word -> words.add(new String((char[]) word)));
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene's Snowball English stop words cannot be read", e);
        }
        return Set.copyOf(words);
    }

    /** Counts the run as a name, if it makes one, and empties it. */
    private static void count(List<String> run, Map<String, Integer> counts) {
        if (!run.isEmpty()) {
            String name = name(run);
            if (name.length() > 1) {
                counts.merge(name, 1, Integer::sum);
            }
            run.clear();
        }
    }

    private static boolean isName(List<String> tokens, int i, boolean headline, boolean shouted, WordCasing own,
            WordCasing archive) {
        String token = tokens.get(i);
        if (!shouted && hasInnerCapital(token)) {
            return true;
        }
        if (!Character.isUpperCase(token.charAt(0))) {
            return false;
        }
        if (!shouted && isAcronym(token)) {
            return true; // before the common words: "US" is not "us"
        }
        String key = WordCasing.key(token);
        if (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(key) || CALENDAR.contains(key)) {
            return false;
        }
        if (!headline && !WordCasing.startsClause(tokens, i)) {
            return true;
        }
        Evidence evidence = evidence(token, own, archive);
        if (evidence != Evidence.UNKNOWN) {
            return evidence == Evidence.NAME;
        }
        // unseen: a first name before a surname ("Bernie Sanders rallied", "Selena Gomez Deletes Photo"), unless it is
        // a word that opens sentences ("Every Harbridge library")
        if (COMMON.contains(key) || i + 1 == tokens.size()) {
            return false;
        }
        String next = tokens.get(i + 1);
        return evidence(next, own, archive) == Evidence.NAME || !headline && Character.isUpperCase(next.charAt(0))
                || !shouted && (isAcronym(next) || hasInnerCapital(next)); // "Kardashian's SKIMS"
    }

    /** The text's own use of the word (capitalised inside a sentence, or in lower case), else the archive's. */
    private static Evidence evidence(String token, WordCasing own, WordCasing archive) {
        if (!Character.isUpperCase(token.charAt(0))) {
            return Evidence.WORD;
        }
        Evidence inText = own.anyUse(token);
        return inText != Evidence.UNKNOWN ? inText : archive.of(token);
    }

    /** The run as a name: titles before it and joiners at its ends dropped, the possessive ending too. */
    private static String name(List<String> run) {
        int start = 0;
        int end = run.size();
        while (start < end && (isTitle(run.get(start)) || JOINERS.contains(run.get(start)))) {
            start++;
        }
        while (end > start && JOINERS.contains(run.get(end - 1))) {
            end--;
        }
        if (start == end) {
            return "";
        }
        List<String> words = new ArrayList<>(run.subList(start, end));
        words.set(words.size() - 1, WordCasing.withoutPossessive(words.get(words.size() - 1)));
        return String.join(" ", words);
    }

    private static boolean isTitle(String token) {
        return TITLES.contains(WordCasing.key(token).replace(".", ""));
    }

    private static boolean isAcronym(String token) {
        int letters = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letters += Character.isLetter(c) ? 1 : 0;
        }
        return letters >= 2;
    }

    /** A capital after a lower-case letter: "SpaceX", "iPhone", "McDonald". */
    private static boolean hasInnerCapital(String token) {
        for (int i = 1; i < token.length(); i++) {
            if (Character.isUpperCase(token.charAt(i)) && Character.isLowerCase(token.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }
}
