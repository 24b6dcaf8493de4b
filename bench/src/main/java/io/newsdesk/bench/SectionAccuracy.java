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

    public static void main(String[] args) throws Exception {
        Path news = Path.of(args.length > 1 ? args[1] : "../shared/data/news-mind-sample/news.tsv");
        Path output = Path.of(args.length > 0 ? args[0] : "bench/results/generation-quality.md");
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String line : Files.readAllLines(news)) {
            String[] f = line.split("\t", -1);
            texts.add(f[3] + ". " + f[4]);
            labels.add(f[1]);
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
            double[] weights = {1.0, 0.0, 0.3, 0.5, 0.7};
            StringBuilder md = new StringBuilder("# Generation quality\n\n");
            md.append(String.format(Locale.ROOT, "Written by `bench/run sections` (bench/src/main/java/io/newsdesk/bench/SectionAccuracy.java) "
                    + "on %s. Section accuracy of the tag tool's classifier (`SectionClassifier`) on the %d MIND articles of "
                    + "../shared/data/news-mind-sample, the MIND category as the label (%d categories; news and sports are "
                    + "59%% of the articles), title and abstract embedded with bge-small-en-v1.5; %d-fold cross-validation "
                    + "(seed 2026), the other folds being the already-tagged articles of the k-NN vote (k = %d). Zero-shot "
                    + "compares with one-line descriptions of the categories written for this benchmark.%n%n",
                    LocalDate.now(), texts.size(), TAXONOMY.size(), FOLDS, K));
            md.append("| classifier | zero-shot weight | accuracy | macro recall |\n|---|---|---|---|\n");
            for (double w : weights) {
                int correct = 0;
                Map<String, int[]> perLabel = new LinkedHashMap<>();
                for (int fold = 0; fold < FOLDS; fold++) {
                    List<SectionClassifier.Example> examples = new ArrayList<>();
                    for (int j = 0; j < order.size(); j++) {
                        if (j % FOLDS != fold) {
                            examples.add(new SectionClassifier.Example(vectors[order.get(j)], labels.get(order.get(j))));
                        }
                    }
                    SectionClassifier classifier = new SectionClassifier(taxonomy, examples, K, w);
                    for (int j = fold; j < order.size(); j += FOLDS) {
                        int i = order.get(j);
                        String predicted = classifier.classify(vectors[i]).get(0).label();
                        int[] c = perLabel.computeIfAbsent(labels.get(i), x -> new int[2]);
                        c[1]++;
                        if (predicted.equals(labels.get(i))) {
                            correct++;
                            c[0]++;
                        }
                    }
                }
                double macro = perLabel.values().stream().mapToDouble(c -> (double) c[0] / c[1]).average().orElse(0);
                String name = w == 1.0 ? "zero-shot only" : w == 0.0 ? "k-NN only" : "zero-shot + k-NN";
                md.append(String.format(Locale.ROOT, "| %s | %.1f | %.3f | %.3f |%n", name, w, (double) correct / texts.size(), macro));
                System.out.printf(Locale.ROOT, "sections: %s w=%.1f accuracy %.3f macro %.3f%n", name, w, (double) correct / texts.size(), macro);
            }
            md.append("\nGoal in the issue: >= 80% section accuracy.\n");
            Files.createDirectories(output.toAbsolutePath().getParent());
            Files.writeString(output, md.toString());
        }
    }
}
