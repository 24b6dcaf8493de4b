package io.newsdesk.core.content;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Finds and stores {@link Article} rows. */
@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, String> {

    /** Takes the next value of the content change sequence that orders every article write and delete. */
    public long nextChangeSeq() {
        return ((Number) getEntityManager()
                .createNativeQuery("SELECT nextval('core_content_change_seq')")
                .getSingleResult()).longValue();
    }
}
