package io.newsdesk.core.content;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.junit.jupiter.api.Test;

/** Which failed article writes are a race the client may retry (409) and which are not. */
class ArticleWriteConflictTest {

    @Test
    void anotherInsertOfTheSameIdOrAStaleVersionIsAConflict() {
        var duplicate = new PersistenceException(new ConstraintViolationException("insert",
                new SQLException("duplicate key value violates unique constraint", "23505"), "core_article_pkey"));
        assertThat(ArticleService.conflictOr("a-1", duplicate)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(ArticleService.conflictOr("a-1", new OptimisticLockException("row was updated")))
                .isInstanceOf(ConcurrentUpdateException.class);
    }

    @Test
    void valuesTheDatabaseRefusesAreNotPassedOffAsAConflict() {
        var nul = new PersistenceException(new DataException("insert",
                new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021")));
        assertThat(ArticleService.conflictOr("a-1", nul)).isSameAs(nul);
        var lost = new PersistenceException("connection lost", new SQLException("I/O error", "08006"));
        assertThat(ArticleService.conflictOr("a-1", lost)).isSameAs(lost);
    }
}
