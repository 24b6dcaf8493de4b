package io.newsdesk.core.ml.llm;

import static org.assertj.core.api.Assertions.assertThat;

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
    void aFolderWithoutATemplateHasNone(@TempDir Path folder) throws Exception {
        assertThat(ChatTemplate.fromFolder(folder)).isEmpty();
        Files.writeString(folder.resolve("tokenizer_config.json"), "{\"eos_token\": \"</s>\"}");
        assertThat(ChatTemplate.fromFolder(folder)).isEmpty();
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
