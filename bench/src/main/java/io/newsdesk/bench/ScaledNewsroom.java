package io.newsdesk.bench;

import io.newsdesk.core.embed.Vectors;
import java.time.Instant;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A synthetic newsroom at any scale for the recommendation speed benchmark: articles in twelve sections of twenty
 * topics each (a topic has its own words, tags and a centre in a 384-dimensional space; an article's vector sits
 * near its topic's centre), published over the last sixty days, and readers who each follow two or three topics and
 * browse in sessions: a session shows ten articles, mostly popular ones from the reader's topics, and the reader
 * clicks and reads what matches their interests far more often than what does not. Deterministic for a seed.
 */
final class ScaledNewsroom {

    static final String[] SECTIONS = {"news", "politics", "business", "technology", "science", "health", "sport",
        "culture", "music", "food", "travel", "environment"};
    static final int TOPICS_PER_SECTION = 20;
    static final int DIMENSIONS = 384;
    static final int DAYS = 60;

    /** One synthetic article. */
    record Article(String id, String title, String standfirst, String body, String section, String[] tags,
            Instant publishedAt, float[] vector) {
    }

    /** One synthetic reader event. */
    record Event(String reader, String clientId, String type, String article, Integer seconds, Instant at) {
    }

    final int articles;
    final int readers;
    final Instant now;
    private final long seed;
    private final float[][] centres;
    private final String[] vocabulary;

    ScaledNewsroom(int articles, int readers, Instant now, long seed) {
        this.articles = articles;
        this.readers = readers;
        this.now = now;
        this.seed = seed;
        Random random = new Random(seed);
        int topics = SECTIONS.length * TOPICS_PER_SECTION;
        centres = new float[topics][];
        for (int t = 0; t < topics; t++) {
            float[] c = new float[DIMENSIONS];
            for (int d = 0; d < DIMENSIONS; d++) {
                c[d] = (float) random.nextGaussian();
            }
            centres[t] = Vectors.normalise(c);
        }
        String[] syllables = {"ka", "lo", "mi", "ne", "ra", "su", "to", "vi", "de", "go", "ba", "pe", "ri", "so", "tu", "ha"};
        vocabulary = new String[4_000];
        for (int w = 0; w < vocabulary.length; w++) {
            StringBuilder word = new StringBuilder();
            int n = w;
            do {
                word.append(syllables[n % syllables.length]);
                n /= syllables.length;
            } while (n > 0);
            vocabulary[w] = word.append(syllables[w % 7]).toString();
        }
    }

    static int topics() {
        return SECTIONS.length * TOPICS_PER_SECTION;
    }

    /** The topic of an article: articles are spread evenly, so article i belongs to topic i mod topics. */
    static int topicOf(int article) {
        return article % topics();
    }

    static String articleId(int article) {
        return String.format("a%07d", article);
    }

    static String readerId(int reader) {
        return String.format("r%06d", reader);
    }

    void forEachArticle(Consumer<Article> sink) {
        Random random = new Random(seed + 1);
        for (int i = 0; i < articles; i++) {
            int topic = topicOf(i);
            float[] v = new float[DIMENSIONS];
            for (int d = 0; d < DIMENSIONS; d++) {
                v[d] = centres[topic][d] + (float) (random.nextGaussian() * 0.045);
            }
            String section = SECTIONS[topic / TOPICS_PER_SECTION];
            Instant published = now.minusSeconds((long) (random.nextDouble() * DAYS * 86_400));
            sink.accept(new Article(articleId(i), words(random, topic, 9), words(random, topic, 24), words(random, topic, 90),
                    section, new String[] {"topic-" + topic, section + "-" + (topic % 5)}, published, Vectors.normalise(v)));
        }
    }

    /** Mostly the topic's own words (a slice of the vocabulary), some general ones. */
    private String words(Random random, int topic, int count) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < count; w++) {
            int word = random.nextDouble() < 0.6 ? (topic * 15 + random.nextInt(15)) % vocabulary.length
                    : random.nextInt(vocabulary.length);
            text.append(w == 0 ? "" : " ").append(vocabulary[word]);
        }
        return text.toString();
    }

    /**
     * Events until {@code total} are made, reader after reader in rounds of sessions, oldest first within a reader.
     * Roughly: per session ten impressions, one or two clicks, most clicks followed by a read.
     */
    void forEachEvent(long total, Consumer<Event> sink) {
        Random random = new Random(seed + 2);
        int perTopic = Math.max(1, articles / topics());
        long made = 0;
        int[][] interests = new int[readers][];
        for (int r = 0; r < readers; r++) {
            interests[r] = new int[2 + random.nextInt(2)];
            for (int k = 0; k < interests[r].length; k++) {
                interests[r][k] = random.nextInt(topics());
            }
        }
        long eventSerial = 0;
        while (made < total) {
            for (int r = 0; r < readers && made < total; r++) {
                String reader = readerId(r);
                Instant at = now.minusSeconds((long) (random.nextDouble() * (DAYS - 1) * 86_400));
                for (int shown = 0; shown < 10 && made < total; shown++) {
                    boolean mine = random.nextDouble() < 0.7;
                    int topic = mine ? interests[r][random.nextInt(interests[r].length)] : random.nextInt(topics());
                    // popular articles within a topic: the square skews towards low ranks
                    int rank = (int) (Math.pow(random.nextDouble(), 2) * perTopic);
                    int article = Math.min(articles - 1, rank * topics() + topic);
                    String id = articleId(article);
                    Instant t = at.plusSeconds(shown * 7L);
                    sink.accept(new Event(reader, "e" + eventSerial++, "impression", id, null, t));
                    made++;
                    if (made < total && random.nextDouble() < (mine ? 0.25 : 0.03)) {
                        sink.accept(new Event(reader, "e" + eventSerial++, "click", id, null, t.plusSeconds(2)));
                        made++;
                        if (made < total && random.nextDouble() < 0.7) {
                            sink.accept(new Event(reader, "e" + eventSerial++, "read", id, 30 + random.nextInt(240), t.plusSeconds(3)));
                            made++;
                        }
                    }
                }
            }
        }
    }
}
