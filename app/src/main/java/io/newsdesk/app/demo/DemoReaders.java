package io.newsdesk.app.demo;

import io.newsdesk.core.content.ArticleKind;
import io.newsdesk.core.content.EventInput;
import io.newsdesk.core.content.EventType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Simulates readers of the demo newsroom so that recommendations have histories to learn from.
 *
 * <p>Each reader follows one to three sections (popular sections are followed more often) and visits the site a
 * number of times over the last 30 days. A visit shows a handful of articles already published at that moment,
 * mostly from the followed sections and mostly recent; the reader clicks followed sections far more often, reads
 * them for longer (in proportion to their length), now and then likes or shares, hides some of what they do not
 * follow, and skips short media.
 */
final class DemoReaders {

    static final String FIRST_READER = "reader-001";
    private static final Duration SPAN = Duration.ofDays(30);

    /** What the simulation needs to know of an article. */
    record Item(String id, String section, ArticleKind kind, Instant publishedAt, int words) {
    }

    private final List<Item> items;
    private final List<String> sections;
    private final Random random;

    DemoReaders(List<Item> items, long seed) {
        this.items = items.stream().sorted(Comparator.comparing(Item::publishedAt)).toList();
        Map<String, Long> perSection = items.stream().collect(Collectors.groupingBy(Item::section, Collectors.counting()));
        this.sections = perSection.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        this.random = new Random(seed);
    }

    List<EventInput> simulate(int readers, Instant now) {
        List<EventInput> events = new ArrayList<>();
        for (int r = 1; r <= readers; r++) {
            simulateReader(String.format("reader-%03d", r), now, events);
        }
        return events;
    }

    private void simulateReader(String reader, Instant now, List<EventInput> out) {
        Set<String> follows = new LinkedHashSet<>();
        int count = 1 + random.nextInt(3);
        while (follows.size() < count) {
            // rank-biased choice: the first sections (the biggest) are picked more often
            follows.add(sections.get(Math.min(sections.size() - 1, (int) Math.floor(-Math.log(1 - random.nextDouble()) * 3))));
        }
        int visits = 3 + random.nextInt(25);
        int n = 0;
        Instant start = now.minus(SPAN);
        List<Instant> times = new ArrayList<>();
        for (int v = 0; v < visits; v++) {
            times.add(start.plusSeconds((long) (random.nextDouble() * SPAN.toSeconds())));
        }
        times.sort(Comparator.naturalOrder());
        if (random.nextDouble() < 0.4) {
            String section = follows.iterator().next();
            out.add(event(reader, n++, EventType.SUBSCRIBE, null, "section:" + section, null, times.get(0)));
        }
        Set<String> hidden = new LinkedHashSet<>();
        for (Instant visit : times) {
            List<Item> available = items.stream().filter(i -> !i.publishedAt().isAfter(visit)).toList();
            if (available.isEmpty()) {
                continue;
            }
            Instant at = visit;
            for (int shown = 0; shown < 4 + random.nextInt(5); shown++) {
                Item item = pick(available, follows);
                if (hidden.contains(item.id())) {
                    continue;
                }
                at = at.plusSeconds(5 + random.nextInt(40));
                out.add(event(reader, n++, EventType.IMPRESSION, item.id(), null, null, at));
                boolean followed = follows.contains(item.section());
                if (random.nextDouble() >= (followed ? 0.35 : 0.05)) {
                    if (!followed && random.nextDouble() < 0.03) {
                        hidden.add(item.id());
                        out.add(event(reader, n++, EventType.HIDE, item.id(), null, null, at.plusSeconds(2)));
                    }
                    continue;
                }
                at = at.plusSeconds(2);
                out.add(event(reader, n++, EventType.CLICK, item.id(), null, null, at));
                out.add(event(reader, n++, EventType.VIEW, item.id(), null, null, at.plusSeconds(1)));
                boolean media = item.kind() != ArticleKind.ARTICLE;
                if (!followed && random.nextDouble() < 0.5) {
                    out.add(event(reader, n++, media ? EventType.SKIP : EventType.READ, item.id(), null,
                            media ? null : 3 + random.nextInt(10), at.plusSeconds(8)));
                    continue;
                }
                int seconds = (int) Math.max(5, item.words() / 4.0 * Math.exp(random.nextGaussian() * 0.4));
                out.add(event(reader, n++, EventType.READ, item.id(), null, Math.min(seconds, 1800), at.plusSeconds(seconds)));
                at = at.plusSeconds(seconds);
                if (random.nextDouble() < 0.15) {
                    out.add(event(reader, n++, EventType.LIKE, item.id(), null, null, at.plusSeconds(1)));
                }
                if (random.nextDouble() < 0.04) {
                    out.add(event(reader, n++, EventType.SHARE, item.id(), null, null, at.plusSeconds(3)));
                }
            }
        }
    }

    /** Mostly followed sections, mostly recent articles. */
    private Item pick(List<Item> available, Set<String> follows) {
        boolean fromFollowed = random.nextDouble() < 0.7;
        List<Item> pool = fromFollowed
                ? available.stream().filter(i -> follows.contains(i.section())).toList()
                : available;
        if (pool.isEmpty()) {
            pool = available;
        }
        int back = (int) Math.floor(-Math.log(1 - random.nextDouble()) * Math.max(3, pool.size() / 4.0));
        return pool.get(Math.max(0, pool.size() - 1 - Math.min(back, pool.size() - 1)));
    }

    private static EventInput event(String reader, int n, EventType type, String article, String target, Integer seconds,
            Instant at) {
        return new EventInput("demo-" + reader + "-" + n, reader, type, article, target, seconds, "home", null,
                at.atOffset(ZoneOffset.UTC));
    }
}
