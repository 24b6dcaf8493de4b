package io.newsdesk.core.content;

import io.newsdesk.core.http.Cursor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.StaleStateException;

/**
 * Stores, reads, lists and deletes articles. Every change takes the next number of the content change sequence
 * and, once committed, fires {@link ArticleChanged}; a PUT that changes nothing leaves the version alone.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ArticleService {

    /** Ids per summary query; PostgreSQL allows at most 65,535 bind parameters in one statement. */
    static final int SUMMARY_CHUNK = 10_000;

    /** PostgreSQL's unique violation and serialization failure: another request got there first. */
    private static final Set<String> RACE_STATES = Set.of("23505", "40001");

    private final ArticleRepository articles;
    private final Event<ArticleChanged> changed;
    private final ArticleSummaryCache cache;

    public ArticleService(ArticleRepository articles, Event<ArticleChanged> changed, ArticleSummaryCache cache) {
        this.articles = articles;
        this.changed = changed;
        this.cache = cache;
    }

    public Optional<ArticleView> find(String id) {
        ContentIds.require("id", id);
        return articles.findByIdOptional(id).map(ArticleView::of);
    }

    /** Creates or replaces the article {@code id}, honouring the write conditions. */
    public ArticleWrite put(String id, ArticleInput input, WriteConditions conditions) {
        ContentIds.require("id", id);
        Article existing = articles.findById(id);
        conditions.check(id, existing);
        Article next = fromInput(id, input, existing);
        if (existing != null && sameContent(existing, next)) {
            return new ArticleWrite(ArticleView.of(existing), ArticleWrite.Outcome.UNCHANGED);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // taken before the entity changes: the native query flushes pending changes, which would bump the version twice
        long changeSeq = articles.nextChangeSeq();
        Article target = existing == null ? next : copyContent(next, existing);
        target.changeSeq = changeSeq;
        target.modifiedAt = now;
        if (existing == null) {
            target.createdAt = now;
            if (target.publishedAt == null) {
                target.publishedAt = now;
            }
        }
        try {
            if (existing == null) {
                articles.persist(target);
            }
            articles.flush();
        } catch (PersistenceException e) {
            throw conflictOr(id, e);
        }
        changed.fire(new ArticleChanged(id, target.changeSeq, false, existing == null));
        return new ArticleWrite(ArticleView.of(target),
                existing == null ? ArticleWrite.Outcome.CREATED : ArticleWrite.Outcome.UPDATED);
    }

    /** Deletes the article, leaving a tombstone for the index to catch up from. */
    public void delete(String id, List<Long> ifMatch) {
        ContentIds.require("id", id);
        Article existing = articles.findById(id);
        if (existing == null) {
            throw new ArticleNotFoundException(id);
        }
        new WriteConditions(ifMatch, false).check(id, existing);
        long seq = articles.nextChangeSeq();
        articles.delete(existing);
        articles.getEntityManager()
                .createNativeQuery("INSERT INTO core_article_tombstone (article_id, change_seq, deleted_at) VALUES (?1, ?2, now())")
                .setParameter(1, id)
                .setParameter(2, seq)
                .executeUpdate();
        try {
            articles.flush();
        } catch (PersistenceException e) {
            throw conflictOr(id, e);
        }
        changed.fire(new ArticleChanged(id, seq, true, false));
    }

    /**
     * The beginning of the newest articles' text, title, standfirst and body a paragraph apart, at most {@code chars}
     * of body each: for statistics over how the newsroom writes.
     */
    @SuppressWarnings("unchecked")
    public List<String> recentTexts(int limit, int chars) {
        return articles.getEntityManager().createNativeQuery("""
                SELECT concat_ws(E'\\n\\n', title, standfirst, left(body_text, ?1)) FROM core_article
                 ORDER BY published_at DESC NULLS LAST, id LIMIT ?2""")
                .setParameter(1, chars).setParameter(2, limit).getResultList();
    }

    /** Articles newest first, optionally in one section; keyset-paginated on (published, id). */
    public ArticlePage list(String section, ArticleKind kind, int limit, String cursor) {
        Map<String, Object> after = Cursor.decode(cursor);
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (section != null) {
            query.append(" and section = :section");
            params.put("section", section);
        }
        if (kind != null) {
            query.append(" and kind = :kind");
            params.put("kind", kind.code());
        }
        if (!after.isEmpty()) {
            query.append(" and (publishedAt < :publishedAt or (publishedAt = :publishedAt and id > :id))");
            params.put("publishedAt", Instant.ofEpochSecond(0, Cursor.requireLong(after, "p") * 1000));
            params.put("id", Cursor.requireString(after, "id"));
        }
        query.append(" order by publishedAt desc, id asc");
        List<Article> rows = articles.find(query.toString(), params).page(0, limit + 1).list();
        List<ArticleSummary> items = rows.stream().limit(limit).map(ArticleSummary::of).toList();
        String next = null;
        if (rows.size() > limit) {
            Article last = rows.get(limit - 1);
            long micros = ChronoUnit.MICROS.between(Instant.EPOCH, last.publishedAt);
            next = Cursor.encode(Map.of("p", micros, "id", last.id));
        }
        return new ArticlePage(items, next);
    }

    /**
     * Summaries of those of {@code ids} that exist, by id. A transaction is begun only for the ones not in memory:
     * a feed page asks for twenty summaries it nearly always finds there.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, ArticleSummary> summaries(Collection<String> ids) {
        if (ids.isEmpty()) {
            return new HashMap<>();
        }
        return cache.get(ids, missing -> QuarkusTransaction.joiningExisting().call(() -> readSummaries(missing)));
    }

    private Map<String, ArticleSummary> readSummaries(List<String> ids) {
        Map<String, ArticleSummary> found = new HashMap<>();
        // a projection: hydrating whole entities would read every body only to drop it; chunks keep each query
        // under PostgreSQL's limit on bind parameters. setParameterList, since JPA's setParameter first tries the list
        // as one string and throws (and catches) an exception per query to find out it is not.
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += SUMMARY_CHUNK) {
            List<Object[]> rows = articles.getEntityManager().unwrap(Session.class).createSelectionQuery("""
                    SELECT a.id, a.title, a.standfirst, a.section, a.kind, a.language, a.tags, a.publishedAt, a.version
                    FROM Article a WHERE a.id IN :ids""", Object[].class)
                    .setParameterList("ids", all.subList(from, Math.min(all.size(), from + SUMMARY_CHUNK))).getResultList();
            for (Object[] r : rows) {
                found.put((String) r[0], new ArticleSummary((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                        ArticleKind.fromCode((String) r[4]), (String) r[5], List.of((String[]) r[6]), (Instant) r[7],
                        (Long) r[8]));
            }
        }
        return found;
    }

    public long count() {
        return articles.count();
    }

    /** The sections articles are filed in, with how many articles each has, largest first. */
    public Map<String, Long> sectionCounts() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (Object[] r : articles.getEntityManager().createQuery(
                "SELECT a.section, count(a) FROM Article a GROUP BY a.section ORDER BY count(a) DESC, a.section", Object[].class)
                .getResultList()) {
            counts.put((String) r[0], (Long) r[1]);
        }
        return counts;
    }

    private static Article fromInput(String id, ArticleInput in, Article existing) {
        Article a = new Article();
        a.id = id;
        a.title = in.title().strip();
        a.standfirst = blankToNull(in.standfirst());
        a.bodyRaw = blankToNull(in.body());
        BodyFormat format = in.bodyFormat() != null ? in.bodyFormat() : ArticleText.detect(in.body());
        a.bodyFormat = format.code();
        a.bodyText = ArticleText.clean(in.body(), format);
        a.section = in.section();
        a.tags = in.tags() == null ? new String[0] : in.tags().stream().map(String::strip).distinct().toArray(String[]::new);
        a.authors = in.authors() == null ? new String[0] : in.authors().stream().map(String::strip).distinct().toArray(String[]::new);
        a.language = in.language() == null ? "en" : in.language();
        a.kind = (in.kind() == null ? ArticleKind.ARTICLE : in.kind()).code();
        a.publishedAt = in.publishedAt() != null ? toInstant(in.publishedAt()) : existing == null ? null : existing.publishedAt;
        a.sourceUpdatedAt = in.updatedAt() == null ? null : toInstant(in.updatedAt());
        a.canonicalUrl = blankToNull(in.canonicalUrl());
        a.images = in.images() == null ? List.of() : List.copyOf(in.images());
        a.durationSeconds = in.durationSeconds();
        return a;
    }

    private static Article copyContent(Article from, Article to) {
        to.title = from.title;
        to.standfirst = from.standfirst;
        to.bodyRaw = from.bodyRaw;
        to.bodyFormat = from.bodyFormat;
        to.bodyText = from.bodyText;
        to.section = from.section;
        to.tags = from.tags;
        to.authors = from.authors;
        to.language = from.language;
        to.kind = from.kind;
        to.publishedAt = from.publishedAt;
        to.sourceUpdatedAt = from.sourceUpdatedAt;
        to.canonicalUrl = from.canonicalUrl;
        to.images = from.images;
        to.durationSeconds = from.durationSeconds;
        return to;
    }

    private static boolean sameContent(Article a, Article b) {
        return a.title.equals(b.title)
                && Objects.equals(a.standfirst, b.standfirst)
                && Objects.equals(a.bodyRaw, b.bodyRaw)
                && a.bodyFormat.equals(b.bodyFormat)
                && a.section.equals(b.section)
                && Arrays.equals(a.tags, b.tags)
                && Arrays.equals(a.authors, b.authors)
                && a.language.equals(b.language)
                && a.kind.equals(b.kind)
                && Objects.equals(a.publishedAt, b.publishedAt)
                && Objects.equals(a.sourceUpdatedAt, b.sourceUpdatedAt)
                && Objects.equals(a.canonicalUrl, b.canonicalUrl)
                && Objects.equals(a.images, b.images)
                && Objects.equals(a.durationSeconds, b.durationSeconds);
    }

    private static Instant toInstant(OffsetDateTime time) {
        return time.toInstant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A write that lost a race (a stale version, or another request inserting the same id first) is a 409 the
     * client may retry; any other failure is not, and is passed on as it is.
     */
    static RuntimeException conflictOr(String id, PersistenceException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException
                    || cause instanceof SQLException sql && RACE_STATES.contains(sql.getSQLState())) {
                return new ConcurrentUpdateException(id, e);
            }
        }
        return e;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
