package io.newsdesk.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdesk.core.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class EntityTagsTest {

    @Test
    void readsTagsWeakTagsEmptyListElementsAndTheWildcard() {
        assertThat(EntityTags.parse("\"3\"", "If-Match")).containsExactly(3L);
        assertThat(EntityTags.parse("W/\"3\", \"5\"", "If-Match")).containsExactly(3L, 5L);
        assertThat(EntityTags.parse("\"1\", , \"2\",", "If-Match")).containsExactly(1L, 2L);
        assertThat(EntityTags.parse("*", "If-Match")).as("any version").isEmpty();
        assertThat(EntityTags.parse(null, "If-Match")).as("no condition").isNull();
        assertThat(EntityTags.parse("  ", "If-Match")).isNull();
    }

    @Test
    void aHeaderWithoutTagsIsRefusedNotTakenForTheWildcard() {
        for (String header : new String[] {",", ",,,", " , "}) {
            assertThatThrownBy(() -> EntityTags.parse(header, "If-Match")).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("If-Match");
        }
        assertThatThrownBy(() -> EntityTags.parse("\"abc\"", "If-None-Match")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> EntityTags.parse("\"99999999999999999999\"", "If-Match")).isInstanceOf(InvalidRequestException.class);
    }
}
