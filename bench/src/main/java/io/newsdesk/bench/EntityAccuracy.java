package io.newsdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.generation.editor.NamedEntities;
import io.newsdesk.generation.editor.Sentences;
import io.newsdesk.generation.editor.WordCasing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How well the keywords tool's names ({@link NamedEntities}) match the entities MIND's annotators marked in titles
 * and abstracts of ../shared/data/news-mind-sample. The archive's casing is learnt from the other four fifths of the
 * articles, as a newsroom's archive holds other articles than the one asked about. Writes
 * {@code bench/results/entity-quality.md}.
 */
public final class EntityAccuracy {

    static final int FOLDS = 5;
    /** As many names as an article has: the measure is of finding them, not of the tool's default count of ten. */
    static final int ALL = 100;
    private static final Pattern CAPITALISED_RUN = Pattern.compile("\\b(\\p{Lu}[\\p{L}'\u2019-]+(?:\\s+\\p{Lu}[\\p{L}'\u2019-]+)*)");

    private EntityAccuracy() {
    }

    /** One article: the text the tool reads (title, then abstract a paragraph apart) and the surface forms marked. */
    record Article(String text, Set<String> marked) {
    }

    /** Matches against the marked forms, summed over the articles. */
    static final class Tally {
        int found;
        int extra;
        int missed;

        void add(Set<String> names, Set<String> marked) {
            int hit = (int) names.stream().filter(marked::contains).count();
            found += hit;
            extra += names.size() - hit;
            missed += marked.size() - hit;
        }

        double precision() {
            return found / (double) (found + extra);
        }

        double recall() {
            return found / (double) (found + missed);
        }

        double f1() {
            return 2 * precision() * recall() / (precision() + recall());
        }
    }

    public static void main(String[] args) throws Exception {
        Path news = Path.of(args.length > 1 ? args[1] : "../shared/data/news-mind-sample/news.tsv");
        Path output = Path.of(args.length > 0 ? args[0] : "bench/results/entity-quality.md");
        List<Article> articles = read(news);
        Map<String, Tally> rows = new LinkedHashMap<>();
        rows.put("capitalised runs inside sentences (the rule before NamedEntities)",
                tally(articles, a -> Set.copyOf(capitalisedRuns(a.text()))));
        rows.put("NamedEntities, the text's own casing only", tally(articles,
                a -> new LinkedHashSet<>(NamedEntities.find(a.text(), ALL, WordCasing.NONE))));
        Tally withArchive = new Tally();
        for (int fold = 0; fold < FOLDS; fold++) {
            List<String> archive = new ArrayList<>();
            for (int i = 0; i < articles.size(); i++) {
                if (i % FOLDS != fold) {
                    archive.add(articles.get(i).text());
                }
            }
            WordCasing casing = WordCasing.learn(archive);
            for (int i = fold; i < articles.size(); i += FOLDS) {
                withArchive.add(new LinkedHashSet<>(NamedEntities.find(articles.get(i).text(), ALL, casing)), articles.get(i).marked());
            }
        }
        rows.put("NamedEntities with the archive's casing (the tool)", withArchive);

        StringBuilder md = new StringBuilder("# Entity quality\n\n");
        md.append(String.format(Locale.ROOT, "Written by `bench/run entities` (bench/src/main/java/io/newsdesk/bench/EntityAccuracy.java) "
                + "on %s. The names the keywords tool returns (`NamedEntities`), against the entities MIND's annotators "
                + "marked in the titles and abstracts of the %d articles of ../shared/data/news-mind-sample (their surface "
                + "forms, matched exactly). The archive's casing is learnt from the other articles, %d-fold. Every name an "
                + "article yields is counted, not just the tool's default ten.%n%n", LocalDate.now(), articles.size(), FOLDS));
        md.append("| names | precision | recall | F1 |\n|---|---|---|---|\n");
        rows.forEach((name, t) -> md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", name, t.precision(),
                t.recall(), t.f1())));
        md.append("\nMIND's annotations are incomplete (they link names to Wikidata and leave out what they could not "
                + "link: reporters, most local people and places), so precision here is a lower bound; recall is the "
                + "figure to watch. The earlier rule took a title-case headline's capitalised words for one long name "
                + "(\"Gomez Deletes Photo Praising Kim Kardashian's SKIMS\") and skipped every name that opens a sentence.\n");
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, md.toString());
        rows.forEach((name, t) -> System.out.printf(Locale.ROOT, "entities: %s precision %.3f recall %.3f f1 %.3f%n", name,
                t.precision(), t.recall(), t.f1()));
    }

    static List<Article> read(Path news) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Article> articles = new ArrayList<>();
        for (String line : Files.readAllLines(news)) {
            String[] f = line.split("\t", -1);
            String title = f[3].matches(".*[.!?]$") ? f[3] : f[3] + ".";
            Set<String> marked = new LinkedHashSet<>();
            for (int column = 6; column <= 7; column++) {
                if (!f[column].isBlank()) {
                    for (JsonNode entity : json.readTree(f[column])) {
                        entity.path("SurfaceForms").forEach(form -> marked.add(form.asText()));
                    }
                }
            }
            articles.add(new Article(title + "\n\n" + f[4], marked));
        }
        return articles;
    }

    private static Tally tally(List<Article> articles, Function<Article, Set<String>> names) {
        Tally tally = new Tally();
        articles.forEach(a -> tally.add(names.apply(a), a.marked()));
        return tally;
    }

    /** The earlier rule, kept here as the baseline: capitalised word runs after each sentence's first word. */
    static List<String> capitalisedRuns(String text) {
        Set<String> runs = new LinkedHashSet<>();
        for (String sentence : Sentences.of(text)) {
            int space = sentence.indexOf(' ');
            if (space >= 0) {
                Matcher m = CAPITALISED_RUN.matcher(sentence.substring(space + 1));
                while (m.find()) {
                    runs.add(m.group(1));
                }
            }
        }
        return List.copyOf(runs);
    }
}
