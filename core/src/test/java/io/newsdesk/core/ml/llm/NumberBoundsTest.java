package io.newsdesk.core.ml.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Under a minimum, maximum and multipleOf, a number's prefix is taken exactly when some number that begins with it
 * lies within them and is a multiple: checked against every short number spelled from a few digits.
 */
class NumberBoundsTest {

    private static final String ALPHABET = "-.01259";

    @Test
    void aPrefixIsTakenExactlyWhenSomeNumberWithinTheBoundsBeginsWithIt() throws Exception {
        List<String> all = strings(6);
        List<String> numbers = all.stream().filter(s -> s.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?")).toList();
        for (String bounds : List.of("\"type\": \"integer\", \"minimum\": 0, \"maximum\": 100",
                "\"type\": \"number\", \"minimum\": -20, \"maximum\": 15",
                "\"type\": \"number\", \"exclusiveMinimum\": 0.5, \"maximum\": 1",
                "\"type\": \"integer\", \"minimum\": 100, \"exclusiveMaximum\": 200",
                "\"type\": \"number\", \"maximum\": -0.01",
                "\"type\": \"number\", \"minimum\": 5",
                "\"type\": \"number\", \"exclusiveMinimum\": 2, \"exclusiveMaximum\": 3",
                "\"type\": \"integer\", \"minimum\": -5, \"maximum\": -5",
                "\"type\": \"integer\", \"multipleOf\": 5, \"minimum\": 3, \"maximum\": 60",
                "\"type\": \"number\", \"multipleOf\": 0.25, \"exclusiveMinimum\": -1, \"exclusiveMaximum\": 2",
                "\"type\": \"integer\", \"multipleOf\": 3",
                "\"type\": \"integer\", \"multipleOf\": 0.4, \"maximum\": 20",
                "\"type\": \"number\", \"multipleOf\": 2.5, \"minimum\": 0")) {
            JsonShape shape = JsonShape.of(new ObjectMapper().readTree("{\"type\": \"object\", \"properties\": {\"n\": {"
                    + bounds + "}}}"));
            boolean integers = bounds.contains("integer");
            BigDecimal[] range = range(bounds);
            Set<String> reachable = new HashSet<>();
            for (String number : numbers) {
                if ((!integers || number.indexOf('.') < 0) && within(number, range)) {
                    assertThat(accepts(shape, number + "}")).as("%s under %s", number, bounds).isTrue();
                    for (int end = 1; end <= number.length(); end++) {
                        reachable.add(number.substring(0, end));
                    }
                } else {
                    assertThat(accepts(shape, number + "}")).as("%s under %s", number, bounds).isFalse();
                }
            }
            for (String prefix : all) {
                if (prefix.length() <= 4) {
                    assertThat(accepts(shape, prefix)).as("prefix %s under %s", prefix, bounds).isEqualTo(reachable.contains(prefix));
                }
            }
        }
    }

    @Test
    void boundsWithNoNumberOrOnTheWrongTypeAreRefused() {
        for (String schema : List.of("{\"type\": \"integer\", \"exclusiveMinimum\": 2, \"exclusiveMaximum\": 3}",
                "{\"type\": \"number\", \"minimum\": 3, \"maximum\": 2}", "{\"type\": \"string\", \"minimum\": 1}",
                "{\"type\": \"number\", \"minimum\": \"1\"}", "{\"type\": \"number\", \"maximum\": 1e40}",
                "{\"type\": \"number\", \"multipleOf\": -2}", "{\"type\": \"string\", \"multipleOf\": 2}",
                "{\"type\": \"integer\", \"multipleOf\": 10, \"minimum\": 1, \"maximum\": 9}")) {
            assertThatThrownBy(() -> JsonShape.of(new ObjectMapper().readTree("{\"type\": \"object\", \"properties\": {\"n\": "
                    + schema + "}}"))).as(schema).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("schema.properties.n");
        }
    }

    @Test
    void aBoundedNumberHasNoExponent() throws Exception {
        JsonShape shape = JsonShape.of(new ObjectMapper().readTree("{\"type\": \"object\", \"properties\": {\"n\": "
                + "{\"type\": \"number\", \"maximum\": 1000}}}"));
        assertThat(accepts(shape, "1e")).isFalse();
        assertThat(accepts(shape, "999.5}")).isTrue();
    }

    /** Whether {"n": followed by the text is taken byte by byte. */
    private static boolean accepts(JsonShape shape, String text) {
        JsonPrefix prefix = new JsonPrefix(shape);
        for (byte b : ("{\"n\":" + text).getBytes(StandardCharsets.US_ASCII)) {
            if (!prefix.accept(b & 0xff)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> strings(int longest) {
        List<String> all = new ArrayList<>();
        List<String> last = List.of("");
        for (int length = 1; length <= longest; length++) {
            List<String> next = new ArrayList<>();
            for (String s : last) {
                for (char c : ALPHABET.toCharArray()) {
                    next.add(s + c);
                }
            }
            all.addAll(next);
            last = next;
        }
        return all;
    }

    /** minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf as written in the bounds (null where absent). */
    private static BigDecimal[] range(String bounds) {
        BigDecimal[] range = new BigDecimal[5];
        String[] keywords = {"\"minimum\": ", "\"maximum\": ", "\"exclusiveMinimum\": ", "\"exclusiveMaximum\": ",
            "\"multipleOf\": "};
        for (int i = 0; i < keywords.length; i++) {
            int at = bounds.indexOf(keywords[i]);
            if (at >= 0) {
                String rest = bounds.substring(at + keywords[i].length());
                range[i] = new BigDecimal(rest.split(",")[0].strip());
            }
        }
        return range;
    }

    private static boolean within(String number, BigDecimal[] range) {
        BigDecimal value = new BigDecimal(number);
        return (range[0] == null || value.compareTo(range[0]) >= 0) && (range[1] == null || value.compareTo(range[1]) <= 0)
                && (range[2] == null || value.compareTo(range[2]) > 0) && (range[3] == null || value.compareTo(range[3]) < 0)
                && (range[4] == null || value.remainder(range[4]).signum() == 0);
    }
}
