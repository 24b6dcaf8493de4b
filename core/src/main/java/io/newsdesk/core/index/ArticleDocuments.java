package io.newsdesk.core.index;

import java.time.Instant;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;

/** Builds the Lucene document of an article, as laid out in {@link IndexFields}. */
final class ArticleDocuments {

    private ArticleDocuments() {
    }

    static Document toDocument(IndexedArticle a) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.ID, a.id(), Field.Store.YES));
        // doc values too: recommendation reads hundreds of ids per request, far cheaper from here than stored fields
        doc.add(new SortedDocValuesField(IndexFields.ID, new BytesRef(a.id())));
        doc.add(new TextField(IndexFields.TITLE, a.title(), Field.Store.YES));
        if (a.standfirst() != null) {
            doc.add(new TextField(IndexFields.STANDFIRST, a.standfirst(), Field.Store.YES));
        }
        if (a.bodyText() != null && !a.bodyText().isEmpty()) {
            doc.add(new TextField(IndexFields.BODY, a.bodyText(), Field.Store.YES));
        }
        doc.add(new TextField(IndexFields.TEXT, combinedText(a), Field.Store.NO));
        doc.add(new StringField(IndexFields.SECTION, a.section(), Field.Store.YES));
        doc.add(new StringField(IndexFields.LANGUAGE, a.language(), Field.Store.YES));
        doc.add(new StringField(IndexFields.KIND, a.kind(), Field.Store.YES));
        for (String tag : nullToEmpty(a.tags())) {
            doc.add(new StringField(IndexFields.TAG, tag, Field.Store.YES));
        }
        for (String author : nullToEmpty(a.authors())) {
            doc.add(new StringField(IndexFields.AUTHOR, author, Field.Store.YES));
        }
        long published = (a.publishedAt() == null ? Instant.EPOCH : a.publishedAt()).toEpochMilli();
        doc.add(new LongPoint(IndexFields.PUBLISHED, published));
        doc.add(new NumericDocValuesField(IndexFields.PUBLISHED, published));
        doc.add(new StoredField(IndexFields.PUBLISHED, published));
        if (a.canonicalUrl() != null) {
            doc.add(new StoredField(IndexFields.URL, a.canonicalUrl()));
        }
        if (a.vector() != null) {
            doc.add(new KnnFloatVectorField(IndexFields.VECTOR, a.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        }
        return doc;
    }

    /** Title twice, then standfirst and body: one BM25 field in which the headline weighs double. */
    static String combinedText(IndexedArticle a) {
        StringBuilder text = new StringBuilder(a.title()).append('\n').append(a.title());
        if (a.standfirst() != null) {
            text.append('\n').append(a.standfirst());
        }
        if (a.bodyText() != null) {
            text.append('\n').append(a.bodyText());
        }
        return text.toString();
    }

    private static List<String> nullToEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
