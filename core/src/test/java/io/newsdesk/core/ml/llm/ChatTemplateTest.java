package io.newsdesk.core.ml.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chat templates as published in tokenizer_config.json files render to the prompts transformers makes of them:
 * Qwen2's ChatML (with its default system message) and the Zephyr format TinyLlama-Chat uses.
 */
class ChatTemplateTest {

    static final String CHATML = "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}"
            + "{{ '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}{% endif %}"
            + "{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}"
            + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    static final String ZEPHYR = "{% for message in messages %}\n{% if message['role'] == 'user' %}\n"
            + "{{ '<|user|>\\n' + message['content'] + eos_token }}\n{% elif message['role'] == 'system' %}\n"
            + "{{ '<|system|>\\n' + message['content'] + eos_token }}\n{% elif message['role'] == 'assistant' %}\n"
            + "{{ '<|assistant|>\\n'  + message['content'] + eos_token }}\n{% endif %}\n"
            + "{% if loop.last and add_generation_prompt %}\n{{ '<|assistant|>' }}\n{% endif %}\n{% endfor %}";

    @Test
    void chatMlAddsTheDefaultSystemMessageAndOpensTheAssistantTurn(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("tokenizer_config.json"), "{\"chat_template\": " + json(CHATML)
                + ", \"eos_token\": \"<|im_end|>\"}");
        ChatTemplate template = ChatTemplate.fromFolder(folder).orElseThrow();
        String prompt = template.render(List.of(new ChatTemplate.Message("user", "Write a headline about the budget.")), true);
        assertThat(prompt).isEqualTo("<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n"
                + "<|im_start|>user\nWrite a headline about the budget.<|im_end|>\n<|im_start|>assistant\n");
    }

    @Test
    void zephyrTrimsBlockLinesAndUsesTheEosToken(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("tokenizer_config.json"), "{\"chat_template\": " + json(ZEPHYR)
                + ", \"eos_token\": {\"content\": \"</s>\"}}");
        ChatTemplate template = ChatTemplate.fromFolder(folder).orElseThrow();
        String prompt = template.render(List.of(new ChatTemplate.Message("system", "You edit news."),
                new ChatTemplate.Message("user", "Shorten this.")), true);
        assertThat(prompt).isEqualTo("<|system|>\nYou edit news.</s>\n<|user|>\nShorten this.</s>\n<|assistant|>\n");
    }

    @Test
    void aTemplateThatRaisesRefusesTheMessagesWithItsOwnWords() {
        ChatTemplate alternating = new ChatTemplate("{% for m in messages %}{% if (m['role'] == 'user') != (loop.index0 % 2 == 0) %}"
                + "{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant') }}{% endif %}"
                + "[{{ m['role'] }}] {{ m['content'] }} {% endfor %}", "<s>", "</s>");
        assertThat(alternating.render(List.of(new ChatTemplate.Message("user", "a"), new ChatTemplate.Message("assistant", "b")), true))
                .as("spaces before a tag in mid-line stay, as in Jinja2").isEqualTo("[user] a [assistant] b ");
        assertThat(new ChatTemplate("  {% if true %}x{% endif %}\n  {%+ if true %}y{% endif %}", "", "").render(List.of(), true))
                .as("a line's indent before a block goes, unless the tag says +").isEqualTo("x  y");
        assertThatThrownBy(() -> alternating.render(List.of(new ChatTemplate.Message("user", "a"),
                new ChatTemplate.Message("user", "b")), true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Conversation roles must alternate");
        assertThatThrownBy(() -> new ChatTemplate("{{ no_such_function(1) }}", "", "").render(List.of(), true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void strftimeNowDatesASystemPromptAsPythonWould() {
        String today = java.time.format.DateTimeFormatter.ofPattern("dd MMM yyyy", java.util.Locale.ENGLISH)
                .format(java.time.LocalDate.now());
        assertThat(new ChatTemplate("Today Date: {{ strftime_now('%d %b %Y') }}", "", "").render(List.of(), false))
                .isEqualTo("Today Date: " + today);
        assertThat(ChatTemplate.strftimeNow("100%% on %Y")).matches("100% on \\d{4}");
    }

    @Test
    void aFolderWithoutATemplateHasNone(@TempDir Path folder) throws Exception {
        assertThat(ChatTemplate.fromFolder(folder)).isEmpty();
        Files.writeString(folder.resolve("tokenizer_config.json"), "{\"eos_token\": \"</s>\"}");
        assertThat(ChatTemplate.fromFolder(folder)).isEmpty();
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Test
    void aParticipantsNameReachesTemplatesThatUseIt() {
        ChatTemplate speakers = new ChatTemplate("{% for m in messages %}{{ m.role }}{% if m.name %} ({{ m.name }}){% endif %}: "
                + "{{ m.content }}\n{% endfor %}", "", "");
        assertThat(speakers.render(List.of(new ChatTemplate.Message("user", "Draft a headline.", null, null, "anna"),
                new ChatTemplate.Message("user", "Shorter, please.")), false))
                .isEqualTo("user (anna): Draft a headline.\nuser: Shorter, please.\n");
    }

    /** The test template that lays out tools: tools, an assistant's call and the tool's answer reach the prompt. */
    @Test
    void toolsCallsAndResultsReachThePrompt() throws Exception {
        Path folder = Path.of(getClass().getResource("/models/tiny-qwen2-tools/tokenizer_config.json").toURI()).getParent();
        ChatTemplate template = ChatTemplate.fromFolder(folder).orElseThrow();
        assertThat(template.toolCallFormat()).contains(ToolCallFormat.TAGGED);
        Path plain = Path.of(getClass().getResource("/models/tiny-qwen2/tokenizer_config.json").toURI()).getParent();
        assertThat(ChatTemplate.fromFolder(plain).orElseThrow().toolCallFormat()).isEmpty();
        assertThat(new ChatTemplate("{% if tools %}Answer a call as {\"name\": ..., \"parameters\": ...}{% endif %}"
                + "{% for m in messages %}{% if m.role == 'tool' %}<|start_header_id|>ipython<|end_header_id|>{% endif %}"
                + "{% endfor %}", "", "").toolCallFormat()).as("Llama 3's way").contains(ToolCallFormat.BARE_JSON);
        assertThat(new ChatTemplate("{% if tools %}[AVAILABLE_TOOLS]{{ tools | tojson }}[/AVAILABLE_TOOLS]{% endif %}"
                + "{% for m in messages %}{% if m.tool_calls %}[TOOL_CALLS]{% endif %}{% endfor %}", "", "").toolCallFormat())
                .as("Mistral's way").contains(ToolCallFormat.MISTRAL);

        List<java.util.Map<String, Object>> tools = List.of(java.util.Map.of("type", "function", "function",
                java.util.Map.of("name", "search_archive", "parameters", java.util.Map.of("type", "object"))));
        String prompt = template.render(List.of(new ChatTemplate.Message("user", "Find the flood stories."),
                new ChatTemplate.Message("assistant", null, List.of(new ChatTemplate.ToolCall("call_1", "search_archive",
                        java.util.Map.of("query", "flood"))), null),
                new ChatTemplate.Message("tool", "Two articles", null, "call_1")), tools, true);
        assertThat(prompt).contains("\"name\":\"search_archive\"", "<tool_call>\n{\"name\": \"search_archive\", "
                + "\"arguments\": {\"query\":\"flood\"}}\n</tool_call>", "<tool_response>\nTwo articles\n</tool_response>")
                .endsWith("<|im_start|>assistant\n");
        assertThat(template.render(List.of(new ChatTemplate.Message("user", "Hi")), true)).doesNotContain("tool");
    }
}
