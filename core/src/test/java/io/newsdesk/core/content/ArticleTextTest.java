package io.newsdesk.core.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleTextTest {

    @Test
    void detectsHtmlByItsTags() {
        assertThat(ArticleText.detect("<p>Hello</p>")).isEqualTo(BodyFormat.HTML);
        assertThat(ArticleText.detect("Prices rose 3 < 4 percent")).isEqualTo(BodyFormat.TEXT);
        assertThat(ArticleText.detect("plain\n\ntext")).isEqualTo(BodyFormat.TEXT);
    }

    @Test
    void htmlBecomesParagraphsOfCleanText() {
        String html = "<p>First <em>para</em>graph with <a href=\"https://x.org\">a link</a>.</p>"
                + "<script>alert('x')</script><p>Second&nbsp;one<br>continues &amp; ends.</p><ul><li>one</li><li>two</li></ul>";
        assertThat(ArticleText.clean(html, BodyFormat.HTML))
                .isEqualTo("First paragraph with a link.\n\nSecond one\ncontinues & ends.\n\none\n\ntwo");
    }

    @Test
    void brokenHtmlIsStillCleaned() {
        assertThat(ArticleText.clean("<p>Unclosed <b>bold<p>Next", BodyFormat.HTML)).isEqualTo("Unclosed bold\n\nNext");
    }

    @Test
    void plainTextKeepsParagraphsAndCollapsesSpaces() {
        assertThat(ArticleText.clean("  One   line\r\n\r\n\r\n\tTwo  ", BodyFormat.TEXT)).isEqualTo("One line\n\nTwo");
    }

    @Test
    void emptyBodiesAreEmptyText() {
        assertThat(ArticleText.clean(null, BodyFormat.TEXT)).isEmpty();
        assertThat(ArticleText.clean("   ", BodyFormat.HTML)).isEmpty();
    }
}
