package io.newsdesk.core.index;

import java.time.Instant;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Exact restrictions on a search; every field is optional.
 *
 * @param from published at or after (inclusive)
 * @param to   published at or before (inclusive)
 */
public record SearchFilters(String section, String language, String kind, Instant from, Instant to) {

    public static SearchFilters none() {
        return new SearchFilters(null, null, null, null, null);
    }

    /** The filters as one Lucene query, or null when there are none. */
    Query toQuery() {
        BooleanQuery.Builder filter = new BooleanQuery.Builder();
        boolean any = false;
        if (section != null) {
            filter.add(new TermQuery(new Term(IndexFields.SECTION, section)), BooleanClause.Occur.FILTER);
            any = true;
        }
        if (language != null) {
            filter.add(new TermQuery(new Term(IndexFields.LANGUAGE, language)), BooleanClause.Occur.FILTER);
            any = true;
        }
        if (kind != null) {
            filter.add(new TermQuery(new Term(IndexFields.KIND, kind)), BooleanClause.Occur.FILTER);
            any = true;
        }
        if (from != null || to != null) {
            long lower = from == null ? Long.MIN_VALUE : from.toEpochMilli();
            long upper = to == null ? Long.MAX_VALUE : to.toEpochMilli();
            filter.add(LongPoint.newRangeQuery(IndexFields.PUBLISHED, lower, upper), BooleanClause.Occur.FILTER);
            any = true;
        }
        return any ? filter.build() : null;
    }
}
