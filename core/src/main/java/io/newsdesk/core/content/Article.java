package io.newsdesk.core.content;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An article row; lives only inside the content services, which hand out {@link ArticleView} records. */
@Entity
@Table(name = "core_article")
public class Article {

    @Id
    public String id;

    @Column(nullable = false)
    public String title;

    public String standfirst;

    @Column(name = "body_raw")
    public String bodyRaw;

    @Column(name = "body_text")
    public String bodyText;

    @Column(name = "body_format", nullable = false)
    public String bodyFormat;

    @Column(nullable = false)
    public String section;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] tags;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] authors;

    @Column(nullable = false)
    public String language;

    @Column(nullable = false)
    public String kind;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "source_updated_at")
    public Instant sourceUpdatedAt;

    @Column(name = "canonical_url")
    public String canonicalUrl;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<ImageRef> images;

    @Column(name = "duration_seconds")
    public Integer durationSeconds;

    @Version
    public long version;

    @Column(name = "change_seq", nullable = false)
    public long changeSeq;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    public Instant modifiedAt;
}
