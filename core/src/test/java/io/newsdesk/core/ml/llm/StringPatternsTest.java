package io.newsdesk.core.ml.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.Operations;
import org.junit.jupiter.api.Test;

/** Patterns rewritten for Lucene's automata match what Java's own regular expressions find, and formats their kind. */
class StringPatternsTest {

    private static final List<String> PATTERNS = List.of("^[A-Z]{2}-\\d{3}$", "\\d+", "^(?:news|sports)$", "colou?r",
            "^a.c$", "^[^\\s@]+@[^\\s@]+\\.[a-z]{2,}$", "^\\w+?$", "x\\.y", "^\\u00e9+$", "^[\\-+]?\\d+(\\.\\d+)?$",
            "^(ab|cd)*$", "\"quoted\"", "^\\$\\d+$", "^a{2,}$", "^[\\]x]$", "^\\t\\n$", "a|^b");
    private static final List<String> TEXTS = List.of("", "AB-123", "ab-123", "AB-1234", "x AB-123", "42", "news", "sports",
            "newsy", "color", "colour", "colouur", "abc", "a\nc", "aXc", "me@example.org", "me@example", "a b@c.de", "word_9",
            "x.y", "xzy", "ééé", "e", "-12.5", "+3", "1.", "abcdab", "abc", "say \"quoted\"", "$12", "12", "aaa", "a", "]",
            "x", "\t\n", "ba", "cab");

    @Test
    void aRewrittenPatternMatchesWhatJavaFindsInTheString() {
        for (String ecma : PATTERNS) {
            if (ecma.equals("a|^b")) {
                continue; // an anchor inside a choice: refused, below
            }
            Automaton automaton = StringPatterns.of(schema("pattern", ecma), "schema", 0, Integer.MAX_VALUE);
            Pattern java = Pattern.compile(ecma);
            for (String text : TEXTS) {
                assertThat(Operations.run(automaton, text)).as("/%s/ on \"%s\"", ecma, text).isEqualTo(java.matcher(text).find());
            }
        }
    }

    @Test
    void formatsTakeTheirKindAndRefuseLookalikes() {
        assertFormat("date", List.of("2026-12-01", "1999-02-28"), List.of("2026-13-01", "2026-12-32", "26-12-01", "2026-1-01"));
        assertFormat("date-time", List.of("2026-12-01T11:53:40Z", "2026-12-01t11:53:40.123+01:00"),
                List.of("2026-12-01 11:53:40", "2026-12-01T25:00:00Z", "2026-12-01T11:53:40"));
        assertFormat("time", List.of("23:59:60Z", "00:00:00-05:30"), List.of("24:00:00Z", "12:00"));
        assertFormat("duration", List.of("P3D", "PT1H30M", "P1Y2M", "P2W", "P1DT2S"), List.of("P", "PT", "P1H", "1D"));
        assertFormat("email", List.of("desk@newsroom.example", "a.b+c@x.co"), List.of("desk@", "@x.co", "a b@x.co"));
        assertFormat("hostname", List.of("newsroom.example", "localhost"), List.of("-bad.example", "a..b"));
        assertFormat("ipv4", List.of("127.0.0.1", "255.255.255.0"), List.of("256.1.1.1", "1.2.3", "01.2.3.4"));
        assertFormat("ipv6", List.of("::1", "2001:db8::8a2e:370:7334", "fe80:0:0:0:0:0:0:1", "::"),
                List.of("1:2:3:4:5:6:7:8:9", "2001:db8:::1", "12345::"));
        assertFormat("uuid", List.of("123e4567-e89b-12d3-a456-426614174000"), List.of("123e4567e89b12d3a456426614174000"));
    }

    @Test
    void whatIsNotRegularIsRefusedWithTheReason() {
        for (String ecma : List.of("(?=a)b", "(a)\\1", "\\bword\\b", "a|^b", "^a$|b", "a^b", "(?<name>a)", "\\p{L}", "[a-",
                "a\\")) {
            assertThatThrownBy(() -> StringPatterns.of(schema("pattern", ecma), "schema", 0, Integer.MAX_VALUE)).as(ecma)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema.pattern");
        }
        assertThatThrownBy(() -> StringPatterns.of(schema("pattern", "^((a{1000}){1000}){1000}$"), "schema", 0,
                Integer.MAX_VALUE)).as("spelled out, a billion states").hasMessageContaining("repeats too much");
        assertThatThrownBy(() -> StringPatterns.of(schema("format", "uri"), "schema", 0, Integer.MAX_VALUE))
                .hasMessageContaining("'uri' is not supported").hasMessageContaining("date-time");
        assertThatThrownBy(() -> StringPatterns.of(schema("pattern", "^\\d{5}$"), "schema", 0, 4))
                .as("a pattern no string of the lengths meets").hasMessageContaining("no string matches");
        assertThatThrownBy(() -> StringPatterns.of(schema("pattern", "\\d"), "schema", 0, 5000))
                .hasMessageContaining("up to " + StringPatterns.MAX_LENGTH_WITH_PATTERN);
    }

    private static void assertFormat(String format, List<String> valid, List<String> invalid) {
        Automaton automaton = StringPatterns.of(schema("format", format), "schema", 0, Integer.MAX_VALUE);
        valid.forEach(text -> assertThat(Operations.run(automaton, text)).as("%s %s", format, text).isTrue());
        invalid.forEach(text -> assertThat(Operations.run(automaton, text)).as("%s %s", format, text).isFalse());
    }

    private static ObjectNode schema(String keyword, String value) {
        return new ObjectMapper().createObjectNode().put("type", "string").put(keyword, value);
    }
}
