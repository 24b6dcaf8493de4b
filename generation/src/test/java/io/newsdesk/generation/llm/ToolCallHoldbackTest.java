package io.newsdesk.generation.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.core.ml.llm.ToolCallFormat;
import org.junit.jupiter.api.Test;

/** A streamed answer sends its text at once, but for what may be a tool call. */
class ToolCallHoldbackTest {

    @Test
    void aStreamHoldsBackWhatMayBeACall() {
        ToolCallHoldback held = new ToolCallHoldback(ToolCallFormat.TAGGED);
        assertThat(held.pass("Looking it up ")).isEqualTo("Looking it up ");
        assertThat(held.pass("now <tool")).as("a tag may be starting").isEqualTo("now ");
        assertThat(held.pass("_call>{\"name\"")).isEmpty();
        assertThat(held.pass(": 1}")).isEmpty();
        assertThat(held.rest()).isEqualTo("<tool_call>{\"name\": 1}");

        ToolCallHoldback notATag = new ToolCallHoldback(ToolCallFormat.TAGGED);
        assertThat(notATag.pass("a <to")).isEqualTo("a ");
        assertThat(notATag.pass("day")).as("not a tag after all").isEqualTo("<today");
    }

    @Test
    void aBareJsonAnswerWaitsWholeWhenItOpensLikeACall() {
        ToolCallHoldback call = new ToolCallHoldback(ToolCallFormat.BARE_JSON);
        assertThat(call.pass("  ")).isEmpty();
        assertThat(call.pass("<|python")).as("may be the tag").isEmpty();
        assertThat(call.pass("_tag|>{\"name\"")).isEmpty();
        assertThat(call.rest()).isEqualTo("  <|python_tag|>{\"name\"");
        ToolCallHoldback text = new ToolCallHoldback(ToolCallFormat.BARE_JSON);
        assertThat(text.pass(" It")).isEqualTo(" It");
        assertThat(text.pass(" rained {")).as("once text, always text").isEqualTo(" rained {");
    }

    @Test
    void mistralsMarkerIsHeldBackLikeATag() {
        ToolCallHoldback held = new ToolCallHoldback(ToolCallFormat.MISTRAL);
        assertThat(held.pass("Checking [TOOL")).isEqualTo("Checking ");
        assertThat(held.pass("_CALLS] [{")).isEmpty();
        assertThat(held.rest()).isEqualTo("[TOOL_CALLS] [{");
    }
}
