package io.newsdesk.core.ml.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model's chat template from its {@code tokenizer_config.json}, rendered with Jinjava the way transformers renders
 * it with Jinja2 (blocks trimmed, leading whitespace of block lines stripped; {@code messages},
 * {@code add_generation_prompt}, {@code bos_token} and {@code eos_token} in scope).
 */
public final class ChatTemplate {

    /** One chat message. */
    public record Message(String role, String content) {
    }

    private final String template;
    private final String bosToken;
    private final String eosToken;
    private final Jinjava jinjava;

    public ChatTemplate(String template, String bosToken, String eosToken) {
        this.template = template;
        this.bosToken = bosToken == null ? "" : bosToken;
        this.eosToken = eosToken == null ? "" : eosToken;
        this.jinjava = new Jinjava(JinjavaConfig.newBuilder().withTrimBlocks(true).withLstripBlocks(true)
                .withFailOnUnknownTokens(false).build());
    }

    /** The folder's template, if its {@code tokenizer_config.json} has one. */
    public static Optional<ChatTemplate> fromFolder(Path folder) throws IOException {
        Path file = folder.resolve("tokenizer_config.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode config = new ObjectMapper().readTree(Files.readString(file));
        JsonNode template = config.path("chat_template");
        String text = null;
        if (template.isTextual()) {
            text = template.asText();
        } else if (template.isArray()) {
            for (JsonNode named : template) {
                if ("default".equals(named.path("name").asText())) {
                    text = named.path("template").asText();
                }
            }
        }
        return text == null ? Optional.empty()
                : Optional.of(new ChatTemplate(text, token(config.path("bos_token")), token(config.path("eos_token"))));
    }

    private static String token(JsonNode node) {
        return node.isTextual() ? node.asText() : node.path("content").asText(null);
    }

    /** The prompt for {@code messages}, ending with the assistant's turn opened when {@code addGenerationPrompt}. */
    public String render(List<Message> messages, boolean addGenerationPrompt) {
        Map<String, Object> context = new HashMap<>();
        context.put("messages", messages.stream().map(m -> Map.of("role", m.role(), "content", m.content())).toList());
        context.put("add_generation_prompt", addGenerationPrompt);
        context.put("bos_token", bosToken);
        context.put("eos_token", eosToken);
        RenderResult result = jinjava.renderForResult(template, context);
        if (!result.getErrors().isEmpty() && result.getOutput().isEmpty()) {
            throw new IllegalArgumentException("the chat template cannot be rendered: " + result.getErrors().get(0).getMessage());
        }
        return result.getOutput();
    }
}
