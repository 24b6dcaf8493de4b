package io.newsdesk.core.index;

/**
 * The fields of an article document.
 *
 * <table>
 *   <caption>Document layout</caption>
 *   <tr><th>field</th><th>Lucene type</th><th>use</th></tr>
 *   <tr><td>{@value #ID}</td><td>StringField, stored, sorted doc values</td><td>identity; updates and deletes go by this term</td></tr>
 *   <tr><td>{@value #TEXT}</td><td>TextField, not stored, EnglishAnalyzer</td>
 *       <td>BM25 over title (twice), standfirst and body</td></tr>
 *   <tr><td>{@value #TITLE}, {@value #STANDFIRST}, {@value #BODY}</td><td>TextField, stored, EnglishAnalyzer</td>
 *       <td>highlighted titles and snippets</td></tr>
 *   <tr><td>{@value #SECTION}, {@value #LANGUAGE}, {@value #KIND}, {@value #TAG}, {@value #AUTHOR}</td>
 *       <td>StringField (tag, author multi-valued), stored</td><td>exact filters</td></tr>
 *   <tr><td>{@value #PUBLISHED}</td><td>LongPoint + NumericDocValues + stored, epoch milliseconds</td>
 *       <td>date range filters and sorting</td></tr>
 *   <tr><td>{@value #URL}</td><td>StoredField</td><td>shown in results</td></tr>
 *   <tr><td>{@value #VECTOR}</td><td>KnnFloatVectorField, 384 dimensions, DOT_PRODUCT, HNSW</td>
 *       <td>semantic retrieval</td></tr>
 * </table>
 */
public final class IndexFields {

    public static final String ID = "id";
    public static final String TITLE = "title";
    public static final String STANDFIRST = "standfirst";
    public static final String BODY = "body";
    public static final String TEXT = "text";
    public static final String SECTION = "section";
    public static final String LANGUAGE = "language";
    public static final String KIND = "kind";
    public static final String TAG = "tag";
    public static final String AUTHOR = "author";
    public static final String PUBLISHED = "published";
    public static final String URL = "url";
    public static final String VECTOR = "vector";

    /** Bumped when the layout changes; an index with another schema version is rebuilt. */
    public static final String SCHEMA_VERSION = "3";

    private IndexFields() {
    }
}
