package io.newsdesk.generation.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.core.ml.llm.ToolCallFormat;
import io.newsdesk.core.problem.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tools and tool_choice read from a request, and calls read back from an answer. */
class ToolUseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOOLS = """
            [{"type": "function", "function": {"name": "search_archive", "description": "Search the archive",
              "parameters": {"type": "object", "properties": {"query": {"type": "string"},
                             "since": {"$ref": "#/$defs/day"}}, "required": ["query"],
                             "$defs": {"day": {"type": "string", "format": "date"}}}}},
             {"type": "function", "function": {"name": "get_weather"}}]""";

    private static ToolUse tools(String choice) throws Exception {
        return ToolUse.of(JSON.readTree(TOOLS), choice == null ? null : JSON.readTree(choice));
    }

    @Test
    void aFreeAnswerKeepsItsTextAndGivesUpItsCalls() throws Exception {
        ToolUse auto = tools(null);
        assertThat(auto.mode()).isEqualTo(ToolUse.Mode.AUTO);
        ToolUse.Answer answer = auto.read("Let me look.\n<tool_call>\n{\"name\": \"search_archive\", \"arguments\": "
                + "{\"query\": \"budget\"}}\n</tool_call>\n<tool_call>{\"name\": \"get_weather\", \"arguments\": \"{}\"}"
                + "</tool_call>", true);
        assertThat(answer.content()).isEqualTo("Let me look.");
        assertThat(answer.calls()).extracting(ToolUse.Call::name).containsExactly("search_archive", "get_weather");
        assertThat(answer.calls()).extracting(ToolUse.Call::arguments).containsExactly("{\"query\":\"budget\"}", "{}");
        assertThat(answer.calls().get(0).id()).startsWith("call_").isNotEqualTo(answer.calls().get(1).id());

        assertThat(auto.read("No call here.", true)).isEqualTo(new ToolUse.Answer("No call here.", List.of()));
        assertThat(auto.oneCallAtMost().read("<tool_call>{\"name\": \"get_weather\", \"arguments\": {}}</tool_call>"
                + "<tool_call>{\"name\": \"search_archive\", \"arguments\": {}}</tool_call>", true).calls())
                .as("parallel_tool_calls false").extracting(ToolUse.Call::name).containsExactly("get_weather");
        for (String notACall : new String[] {"<tool_call>{\"name\": \"delete_all\", \"arguments\": {}}</tool_call>",
            "<tool_call>{\"name\": \"get_weather\", \"arguments\": [1]}</tool_call>", "<tool_call>{\"name\": \"get_wea",
            "<tool_call>not json</tool_call>"}) {
            ToolUse.Answer read = auto.read(notACall, true);
            assertThat(read.calls()).as(notACall).isEmpty();
            assertThat(read.content()).as("the text stays as it was").isEqualTo(notACall);
        }
        ToolUse.Answer unclosed = auto.read("<tool_call>{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Oslo\"}}", false);
        assertThat(unclosed.calls()).as("a whole object before the tokens ran out is a call").hasSize(1);
        assertThat(unclosed.content()).isNull();
    }

    @Test
    void aForcedAnswerIsTheCallItselfOnceItsObjectCloses() throws Exception {
        ToolUse named = tools("{\"type\": \"function\", \"function\": {\"name\": \"search_archive\"}}");
        ToolUse.Answer answer = named.read("{\"name\":\"search_archive\",\"arguments\":{\"query\":\"floods\"}}", true);
        assertThat(answer.content()).isNull();
        assertThat(answer.calls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("search_archive");
            assertThat(call.arguments()).isEqualTo("{\"query\":\"floods\"}");
        });
        String cut = "{\"name\":\"search_archive\",\"arguments\":{\"que";
        assertThat(named.read(cut, false)).isEqualTo(new ToolUse.Answer(cut, List.of()));
        assertThat(tools("\"none\"").offered()).isFalse();
        assertThat(tools("\"required\"").mode()).isEqualTo(ToolUse.Mode.FORCED);
    }

    /** The named function's schema, its own references rebased, is what the call's arguments keep to. */
    @Test
    void theCallShapeKeepsTheArgumentsToTheNamedFunction() throws Exception {
        var shape = tools("{\"type\": \"function\", \"function\": {\"name\": \"search_archive\"}}").callShape();
        assertThat(accepts(shape, "{\"name\":\"search_archive\",\"arguments\":{\"query\":\"a\",\"since\":\"2026-12-01\"}}")).isTrue();
        assertThat(accepts(shape, "{\"name\":\"search_archive\",\"arguments\":{\"query\":\"a\",\"since\":\"yesterday\"}}")).isFalse();
        assertThat(accepts(shape, "{\"name\":\"get_weather\",\"arguments\":{}}")).as("only the named function").isFalse();
        assertThat(accepts(shape, "{\"name\":\"search_archive\",\"arguments\":{}}")).as("query is required").isFalse();
        var required = tools("\"required\"").callShape();
        assertThat(accepts(required, "{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Oslo\"}}")).isTrue();
        assertThat(accepts(required, "{\"name\":\"get_time\",\"arguments\":{}}")).isFalse();
        assertThat(accepts(required, "{\"name\":\"search_archive\",\"arguments\":{}}"))
                .as("among several tools, each call's arguments keep to its own function").isFalse();
        assertThat(accepts(required, "{\"name\":\"search_archive\",\"arguments\":{\"query\":\"x\"}}")).isTrue();
        assertThat(accepts(required, "{\"arguments\":{},\"name\":\"get_weather\"}")).as("the name comes first").isFalse();
    }

    /** Mistral lists its calls in an array after [TOOL_CALLS], with ids of nine letters and digits. */
    @Test
    void mistralListsItsCallsInAnArray() throws Exception {
        ToolUse auto = tools(null).writtenAs(ToolCallFormat.MISTRAL);
        ToolUse.Answer answer = auto.read("Checking. [TOOL_CALLS] [{\"name\": \"get_weather\", \"arguments\": {\"city\": "
                + "\"Oslo\"}}, {\"name\": \"search_archive\", \"arguments\": {\"query\": \"snow\"}}]", true);
        assertThat(answer.content()).isEqualTo("Checking.");
        assertThat(answer.calls()).extracting(ToolUse.Call::name).containsExactly("get_weather", "search_archive");
        assertThat(answer.calls()).allSatisfy(call -> assertThat(call.id()).matches("[a-z0-9]{9}"));
        assertThat(auto.read("[{\"name\": \"get_weather\", \"arguments\": {}}]", true).calls())
                .as("the marker dropped in decoding").hasSize(1);
        assertThat(auto.oneCallAtMost().read("[TOOL_CALLS][{\"name\": \"get_weather\", \"arguments\": {}}, "
                + "{\"name\": \"get_weather\", \"arguments\": {}}]", true).calls()).hasSize(1);
        assertThat(auto.read("[TOOL_CALLS] [{\"name\": \"nope\", \"arguments\": {}}]", true).calls()).isEmpty();

        ToolUse named = tools("{\"type\": \"function\", \"function\": {\"name\": \"search_archive\"}}")
                .writtenAs(ToolCallFormat.MISTRAL);
        assertThat(named.forcedStart()).isEqualTo("[TOOL_CALLS]");
        var shape = named.callShape();
        assertThat(shape.admits("[{\"name\":\"search_archive\",\"arguments\":{\"query\":\"a\",\"since\":\"2026-12-01\"}}]"))
                .as("the function's own $ref, rebased under items").isTrue();
        assertThat(shape.admits("[{\"name\":\"search_archive\",\"arguments\":{\"query\":\"a\"}},"
                + "{\"name\":\"search_archive\",\"arguments\":{\"query\":\"b\"}}]")).as("one call when forced").isFalse();
        assertThat(named.read("[{\"name\":\"search_archive\",\"arguments\":{\"query\":\"a\"}}]", true).calls()).hasSize(1);
    }

    /**
     * A free answer is kept to the call's shape only after it opens a call (a tag, or for Llama an object at its
     * start); a forced one from its first token.
     */
    @Test
    void generationKeepsCallsToTheirShape() throws Exception {
        var options = io.newsdesk.core.ml.llm.GenerationOptions.greedy(10);
        var free = tools(null).keepCallsTo(options);
        assertThat(free.jsonAfter()).isEqualTo("<tool_call>");
        assertThat(free.json().admits("{\"name\":\"get_weather\",\"arguments\":{}}")).isTrue();
        assertThat(free.json().admits("{\"name\":\"get_time\",\"arguments\":{}}")).isFalse();
        var forced = tools("\"required\"").keepCallsTo(options);
        assertThat(forced.jsonAfter()).isNull();
        assertThat(forced.json()).isNotNull();
        var bare = tools(null).writtenAs(ToolCallFormat.BARE_JSON).keepCallsTo(options);
        assertThat(bare.jsonAfter()).as("no tag: an answer opening with an object").isEmpty();
        assertThat(bare.json().admits("{\"name\":\"get_weather\",\"parameters\":{}}")).isTrue();
        assertThat(tools("\"none\"").keepCallsTo(options)).isEqualTo(options);
    }

    @Test
    void badToolsAndChoicesAreRefusedNamingTheField() throws Exception {
        JsonNode good = JSON.readTree(TOOLS);
        assertRefused("[{\"type\": \"function\", \"function\": {\"name\": \"has space\"}}]", null, "tools");
        assertRefused("[{\"type\": \"custom\", \"function\": {\"name\": \"a\"}}]", null, "tools");
        assertRefused("[{\"type\": \"function\", \"function\": {\"name\": \"a\"}}, {\"type\": \"function\", \"function\": "
                + "{\"name\": \"a\"}}]", null, "tools");
        assertRefused("[{\"type\": \"function\", \"function\": {\"name\": \"a\", \"parameters\": [1]}}]", null, "tools");
        assertRefused(TOOLS, "{\"type\": \"function\", \"function\": {\"name\": \"nope\"}}", "tool_choice");
        assertRefused(TOOLS, "\"sometimes\"", "tool_choice");
        assertRefused(null, "\"required\"", "tool_choice");
        assertThatThrownBy(() -> ToolUse.of(JSON.readTree("[{\"type\": \"function\", \"function\": {\"name\": \"a\", "
                + "\"parameters\": {\"type\": \"object\", \"properties\": {\"n\": {\"type\": \"integer\", \"not\": {\"const\": 2}}}}}}]"),
                JSON.readTree("\"required\"")).callShape()).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("not is not supported");
        JsonNode unkeepable = JSON.readTree("[{\"type\": \"function\", \"function\": {\"name\": \"a\", \"parameters\": "
                + "{\"type\": \"object\", \"properties\": {\"n\": {\"type\": \"integer\", \"not\": {\"const\": 2}}}}}}]");
        assertThat(ToolUse.of(unkeepable, null).callShape().admits("{\"name\":\"a\",\"arguments\":{\"n\":3}}"))
                .as("a free call of such a function keeps to any object").isTrue();
        assertThat(ToolUse.of(good, null).forTemplate()).hasSize(2).first()
                .satisfies(tool -> assertThat(tool).containsEntry("type", "function"));
    }

    private static void assertRefused(String tools, String choice, String field) throws Exception {
        JsonNode toolsNode = tools == null ? null : JSON.readTree(tools);
        JsonNode choiceNode = choice == null ? null : JSON.readTree(choice);
        assertThatThrownBy(() -> ToolUse.of(toolsNode, choiceNode)).as(tools + " / " + choice)
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith(field + ":");
    }

    /** Llama 3 writes a call as a bare object of name and parameters, at times after <|python_tag|>. */
    @Test
    void aBareJsonFormatReadsTheWholeAnswerAsOneCall() throws Exception {
        ToolUse auto = tools(null).writtenAs(ToolCallFormat.BARE_JSON);
        ToolUse.Answer answer = auto.read("<|python_tag|>{\"name\": \"search_archive\", \"parameters\": {\"query\": \"a\"}}", true);
        assertThat(answer.content()).isNull();
        assertThat(answer.calls()).singleElement().satisfies(call -> assertThat(call.arguments()).isEqualTo("{\"query\":\"a\"}"));
        assertThat(auto.read("It rained {a lot}.", true).calls()).isEmpty();

        ToolUse named = tools("{\"type\": \"function\", \"function\": {\"name\": \"search_archive\"}}")
                .writtenAs(ToolCallFormat.BARE_JSON);
        assertThat(named.forcedStart()).isEmpty();
        assertThat(named.callShape().admits("{\"name\":\"search_archive\",\"parameters\":{\"query\":\"a\"}}")).isTrue();
        assertThat(named.callShape().admits("{\"name\":\"search_archive\",\"arguments\":{\"query\":\"a\"}}")).isFalse();
        assertThat(tools("\"required\"").forcedStart()).isEqualTo("<tool_call>\n");

    }

    private static boolean accepts(io.newsdesk.core.ml.llm.JsonShape shape, String json) {
        return shape.admits(json);
    }
}
