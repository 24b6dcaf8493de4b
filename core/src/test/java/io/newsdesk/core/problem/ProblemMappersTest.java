package io.newsdesk.core.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What the catch-all mapper tells a client when PostgreSQL refuses a value that validation let through. */
class ProblemMappersTest {

    @Test
    void aDataExceptionAnywhereInTheCausesIsTheRequestsFault() {
        var refused = new SQLException("ERROR: value too long for type character varying(64)\n  Where: SQL statement", "22001");
        var wrapped = new IllegalStateException("cannot store section", refused);
        assertThat((Object) ProblemMappers.dataException(wrapped)).isSameAs(refused);
        assertThat((Object) ProblemMappers.dataException(new IllegalStateException(new SQLException("connection refused", "08001")))).isNull();
        assertThat((Object) ProblemMappers.dataException(new IllegalStateException("no SQL at all"))).isNull();
    }

    @Test
    void itIsAnsweredAsABadRequestWithoutTheDatabasesContext() {
        var response = new ProblemMappers().unexpected(new IllegalStateException("cannot store section",
                new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00\n  Where: unnamed portal parameter $2", "22021")),
                null);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(String.valueOf(response.getEntity())).contains("invalid byte sequence").doesNotContain("Where").doesNotContain("portal");
    }
}
