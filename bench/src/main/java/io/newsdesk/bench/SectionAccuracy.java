package io.newsdesk.bench;

import io.newsdesk.core.embed.BgeSmallEmbedder;
import io.newsdesk.core.embed.EmbedderOptions;
import io.newsdesk.core.embed.EmbeddingPurpose;
import io.newsdesk.core.embed.TextEmbedder;
import io.newsdesk.generation.editor.SectionClassifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Section accuracy of the editor's tag tool on ../shared/data/news-mind-sample (MIND category as the label, title
 * and abstract as the text), 5-fold cross-validation: the folds other than the one tested are the already-tagged
 * articles. Zero-shot alone, k-NN alone and the mix. Writes {@code bench/results/generation-quality.md}.
 */
public final class SectionAccuracy {

    /** Descriptions of MIND's categories, written for this benchmark as an editor would describe sections. */
    static final Map<String, String> TAXONOMY = new LinkedHashMap<>();

    static {
        TAXONOMY.put("news", "News: politics, crime, courts, government, US and world events, local news");
        TAXONOMY.put("sports", "Sports: football, basketball, baseball, hockey, soccer, golf, games, teams, players and coaches");
        TAXONOMY.put("finance", "Finance: money, markets, stocks, companies, jobs, retirement, taxes, real estate and the economy");
        TAXONOMY.put("foodanddrink", "Food and drink: recipes, cooking, restaurants, chefs, wine, beer and eating out");
        TAXONOMY.put("weather", "Weather: forecasts, storms, snow, rain, heat, cold, hurricanes and climate");
        TAXONOMY.put("lifestyle", "Lifestyle: family, relationships, home, shopping, fashion, beauty, pets and royals");
        TAXONOMY.put("video", "Video: viral clips and videos of remarkable moments, animals and people");
        TAXONOMY.put("travel", "Travel: destinations, trips, hotels, flights, airlines, cruises and places to visit");
        TAXONOMY.put("autos", "Autos: cars, trucks, new models, driving, car makers and road safety");
        TAXONOMY.put("health", "Health: medicine, disease, fitness, diet, weight loss, doctors and wellness");
        TAXONOMY.put("music", "Music: singers, bands, albums, songs, concerts and tours");
        TAXONOMY.put("tv", "TV: television shows, series, episodes, hosts and networks");
        TAXONOMY.put("movies", "Movies: films, actors, box office, directors and premieres");
        TAXONOMY.put("entertainment", "Entertainment: celebrities, stars, awards and show business");
        TAXONOMY.put("kids", "Kids: children, parenting and family activities");
    }

    static final int K = 15;
    static final int FOLDS = 5;

    private SectionAccuracy() {
    }

    /** Cosine above which two MIND articles are, on reading them, the same story or the same template. */
    static final double SAME_STORY = 0.85;

    /**
     * How often two articles about the same story carry different categories: a rough look at how far the labels
     * themselves allow any classifier to go.
     */
    static String sameStoryAgreement(float[][] vectors, List<String> labels, List<String> titles) {
        StringBuilder table = new StringBuilder();
        int pairs = 0;
        int disagreeing = 0;
        for (int i = 0; i < vectors.length; i++) {
            for (int j = i + 1; j < vectors.length; j++) {
                if (cosine(vectors[i], vectors[j]) < SAME_STORY) {
                    continue;
                }
                pairs++;
                if (!labels.get(i).equals(labels.get(j))) {
                    disagreeing++;
                    table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", labels.get(i), cell(titles.get(i)),
                            labels.get(j), cell(titles.get(j))));
                }
            }
        }
        return String.format(Locale.ROOT, "%nThe labels' own consistency: %d pairs of articles have document vectors closer than "
                + "cosine %.2f (on reading them, the same story or the same template); %d of them (%.0f%%) carry different "
                + "categories:%n%n| category | title | category | title |%n|---|---|---|---|%n%s", pairs, SAME_STORY, disagreeing,
                pairs == 0 ? 0.0 : 100.0 * disagreeing / pairs, table);
    }

    private static String cell(String text) {
        return text.replace("|", "/");
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int k = 0; k < a.length; k++) {
            dot += a[k] * b[k];
            na += a[k] * a[k];
            nb += b[k] * b[k];
        }
        return dot / Math.sqrt(na * nb);
    }

    public static void main(String[] args) throws Exception {
        Path news = Path.of(args.length > 1 ? args[1] : "../shared/data/news-mind-sample/news.tsv");
        Path output = Path.of(args.length > 0 ? args[0] : "bench/results/generation-quality.md");
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (String line : Files.readAllLines(news)) {
            String[] f = line.split("\t", -1);
            texts.add(f[3] + ". " + f[4]);
            labels.add(f[1]);
            titles.add(f[3]);
        }
        Path work = Files.createTempDirectory("newsdesk-bench");
        try (TextEmbedder embedder = BgeSmallEmbedder.load(work.resolve("models"), EmbedderOptions.defaults())) {
            List<String> clipped = texts.stream().map(t -> String.join(" ", embedder.tokenPieces(t, embedder.maxTokens() - 2).get(0))).toList();
            float[][] vectors = embedder.embed(clipped, EmbeddingPurpose.DOCUMENT).vectors();
            float[][] descriptions = embedder.embed(new ArrayList<>(TAXONOMY.values()), EmbeddingPurpose.DOCUMENT).vectors();
            List<SectionClassifier.Label> taxonomy = new ArrayList<>();
            int d = 0;
            for (String name : TAXONOMY.keySet()) {
                taxonomy.add(new SectionClassifier.Label(name, descriptions[d++]));
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(2026));
            Map<String, SectionClassifier.Settings> rows = new LinkedHashMap<>();
            rows.put("zero-shot only", new SectionClassifier.Settings(K, 1.0, 0.0, 0.5));
            rows.put("k-NN only", new SectionClassifier.Settings(K, 0.0, 0.0, 0.5));
            rows.put("discriminant only", new SectionClassifier.Settings(K, 0.0, 1.0, 0.5));
            rows.put("discriminant only, shrinkage 0.3", new SectionClassifier.Settings(K, 0.0, 1.0, 0.3));
            rows.put("discriminant + k-NN", new SectionClassifier.Settings(K, 0.0, 0.7, 0.5));
            rows.put("zero-shot + k-NN (an earlier default)", new SectionClassifier.Settings(K, 0.3, 0.0, 0.5));
            rows.put("all three, less zero-shot", new SectionClassifier.Settings(K, 0.1, 0.7, 0.5));
            rows.put("all three", new SectionClassifier.Settings(K, 0.2, 0.7, 0.5));
            rows.put("all three (the previous default)", new SectionClassifier.Settings(K, 0.3, 0.7, 0.5));
            rows.put("all three + words, weaker", new SectionClassifier.Settings(K, 0.3, 0.7, 0.5, 2));
            rows.put("all three + words, stronger", new SectionClassifier.Settings(K, 0.3, 0.7, 0.5, 8));
            rows.put("all three + words, less zero-shot", new SectionClassifier.Settings(K, 0.2, 0.7, 0.5, 4));
            rows.put("discriminant + words", new SectionClassifier.Settings(K, 0.0, 1.0, 0.5, 4));
            rows.put("all three + words (default)", SectionClassifier.Settings.DEFAULT);
            StringBuilder md = new StringBuilder("# Generation quality\n\n");
            md.append(String.format(Locale.ROOT, "Written by `bench/run sections` (bench/src/main/java/io/newsdesk/bench/SectionAccuracy.java) "
                    + "on %s. Section accuracy of the tag tool's classifier (`SectionClassifier`) on the %d MIND articles of "
                    + "../shared/data/news-mind-sample, the MIND category as the label (%d categories; news and sports are "
                    + "59%% of the articles), title and abstract embedded with bge-small-en-v1.5; %d-fold cross-validation "
                    + "(seed 2026), the other folds being the already-tagged articles. Three signals, each a distribution "
                    + "over the sections: zero-shot similarity to one-line descriptions of the categories written for this "
                    + "benchmark; a linear discriminant (shared covariance shrunk halfway to the identity) fitted on the "
                    + "tagged articles; a similarity-weighted vote of the k = %d nearest tagged articles. The last two are "
                    + "weighed by multinomial naive Bayes over the words (Lucene's English analysis) of title and abstract, "
                    + "each text's evidence counted as *word strength* words whatever its length. The zero-shot weight, the "
                    + "discriminant's share of the rest and the word strength are the columns; the last column counts an article "
                    + "right when its section is among the tool's first two suggestions, as an editor sees them.%n%n",
                    LocalDate.now(), texts.size(), TAXONOMY.size(), FOLDS, K));
            md.append("| classifier | zero-shot weight | discriminant share | word strength | accuracy | macro recall | in the first two |\n|---|---|---|---|---|---|---|\n");
            Map<String, int[]> defaultPerLabel = new LinkedHashMap<>();
            for (Map.Entry<String, SectionClassifier.Settings> row : rows.entrySet()) {
                SectionClassifier.Settings settings = row.getValue();
                int correct = 0;
                int inFirstTwo = 0;
                Map<String, int[]> perLabel = new LinkedHashMap<>();
                for (int fold = 0; fold < FOLDS; fold++) {
                    List<SectionClassifier.Example> examples = new ArrayList<>();
                    for (int j = 0; j < order.size(); j++) {
                        if (j % FOLDS != fold) {
                            examples.add(new SectionClassifier.Example(vectors[order.get(j)], labels.get(order.get(j)), texts.get(order.get(j))));
                        }
                    }
                    SectionClassifier classifier = new SectionClassifier(taxonomy, examples, settings);
                    for (int j = fold; j < order.size(); j += FOLDS) {
                        int i = order.get(j);
                        List<SectionClassifier.Scored> ranked = classifier.classify(vectors[i], texts.get(i));
                        String predicted = ranked.get(0).label();
                        if (ranked.stream().limit(2).anyMatch(s -> s.label().equals(labels.get(i)))) {
                            inFirstTwo++;
                        }
                        int[] c = perLabel.computeIfAbsent(labels.get(i), x -> new int[2]);
                        c[1]++;
                        if (predicted.equals(labels.get(i))) {
                            correct++;
                            c[0]++;
                        }
                    }
                }
                if (settings.equals(SectionClassifier.Settings.DEFAULT)) {
                    defaultPerLabel.putAll(perLabel);
                }
                double macro = perLabel.values().stream().mapToDouble(c -> (double) c[0] / c[1]).average().orElse(0);
                md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.0f | %.3f | %.3f | %.3f |%n", row.getKey(), settings.zeroShotWeight(),
                        settings.discriminantShare(), settings.wordStrength(), (double) correct / texts.size(), macro,
                        (double) inFirstTwo / texts.size()));
                System.out.printf(Locale.ROOT, "sections: %s accuracy %.3f macro %.3f%n", row.getKey(), (double) correct / texts.size(), macro);
            }
            md.append("\nGoal in the issue: >= 80% section accuracy. **Not met.** The settings were chosen on these same "
                    + "folds (there is no separate validation set), so the best row is an optimistic estimate. A softmax "
                    + "regression on the same vectors (tried outside the service) reached 0.74, and adding a title-only vector "
                    + "gained under 0.01. The words add about 0.015: naive Bayes alone reaches about 0.64 (measured outside "
                    + "the service), but it errs where the vectors do not; a smoothing of 0.03 or 0.5 instead of 0.1 scored "
                    + "0.005 lower. Two more sentence encoders served as Maven artifacts (all-MiniLM-L6-v2 and e5-small-v2, "
                    + "through langchain4j's ONNX packages), each with its own discriminant and the three multiplied, reached "
                    + "0.744 without the words and 0.745 with them (outside the service, 2026-12-01): the signals overlap, and "
                    + "every combination tried levels off at 0.74-0.75. Fine-tuning the encoder itself, "
                    + "tried outside the service (2026-12-01) on the first fold only, in Java on DJL's PyTorch engine (bge-small's "
                    + "fp32 weights read from langchain4j's ONNX file, its forward pass written in NDArray operations, checked "
                    + "against the service's vectors at cosine 0.997, the quantised model's own error), AdamW with warm-up, "
                    + "batches of 16, the lower layers frozen: a softmax layer on the frozen vectors scored 0.733 on that fold, "
                    + "the top two layers trained with it 0.747, the top four 0.750 (three epochs; four minutes on this "
                    + "machine's two cores per fold): about 1.5 points, not the 5.5 the goal needs, at a cost the tag tool "
                    + "would pay on every refit. Fitting the discriminant, the vote and the words to MIND's 129 "
                    + "subcategories instead (a section such as news spans crime, politics and world news, which one mean "
                    + "per section blurs) and adding their scores up per category, subcategories of fewer than 5, 10 or "
                    + "20 tagged articles merged into their category, scored 0.730-0.741 against 0.743 for the categories "
                    + "themselves in the same run (outside the service, 2026-12-01).\n\nMuch of what remains is in the labels: MIND files articles by the desk that "
                    + "published them, so a weather report can be `video` and a hit-and-run `autos`. `video` articles are "
                    + "mostly news in content, and the small sections (entertainment, tv, kids) have too few articles to "
                    + "learn from.\n\nRecall per category with the default settings:\n\n"
                    + "| category | articles | recall |\n|---|---|---|\n");
            defaultPerLabel.entrySet().stream().sorted((a, b) -> b.getValue()[1] - a.getValue()[1]).forEach(e -> md.append(
                    String.format(Locale.ROOT, "| %s | %d | %.2f |%n", e.getKey(), e.getValue()[1], (double) e.getValue()[0] / e.getValue()[1])));
            md.append(sameStoryAgreement(vectors, labels, titles));
            Files.createDirectories(output.toAbsolutePath().getParent());
            Files.writeString(output, md.toString());
        }
    }
}
