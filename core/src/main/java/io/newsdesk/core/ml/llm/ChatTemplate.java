package io.newsdesk.core.ml.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A model's chat template from its {@code tokenizer_config.json}, rendered with Jinjava the way transformers renders
 * it with Jinja2 (blocks trimmed, leading whitespace of block lines stripped; {@code messages},
 * {@code add_generation_prompt}, {@code bos_token}, {@code eos_token} and the functions {@code raise_exception} and
 * {@code strftime_now} in scope). A template that raises, or fails to render, refuses the messages.
 */
public final class ChatTemplate {

    /**
     * One chat message: an assistant's may carry the tool calls it made (then its content may be null), a tool's
     * message the id of the call it answers; any may name its participant, for templates that tell speakers apart.
     */
    public record Message(String role, String content, List<ToolCall> toolCalls, String toolCallId, String name) {

        public Message(String role, String content) {
            this(role, content, null, null, null);
        }

        public Message(String role, String content, List<ToolCall> toolCalls, String toolCallId) {
            this(role, content, toolCalls, toolCallId, null);
        }

        /** As templates read it: role and content, and tool_calls, tool_call_id and name where present. */
        Map<String, Object> forTemplate() {
            Map<String, Object> message = new HashMap<>();
            message.put("role", role);
            message.put("content", content);
            if (name != null) {
                message.put("name", name);
            }
            if (toolCalls != null) {
                message.put("tool_calls", toolCalls.stream().map(ToolCall::forTemplate).toList());
            }
            if (toolCallId != null) {
                message.put("tool_call_id", toolCallId);
            }
            return message;
        }
    }

    /** A call an assistant made: its arguments as the object they spell (templates write them with tojson). */
    public record ToolCall(String id, String name, Map<String, Object> arguments) {

        Map<String, Object> forTemplate() {
            // transformers' convention: {id, type, function: {name, arguments}}; a client may leave the id out
            Map<String, Object> call = new HashMap<>();
            call.put("id", id == null ? "" : id);
            call.put("type", "function");
            call.put("function", Map.of("name", name, "arguments", arguments));
            return call;
        }
    }

    /** Spaces and tabs from a line's start up to a block or comment tag ({@code {%+} keeps them, as in Jinja2). */
    private static final Pattern LINE_START_BEFORE_BLOCK = Pattern.compile("(?m)^[ \\t]+(?=\\{[%#](?!\\+))");

    private final String template;
    private final String bosToken;
    private final String eosToken;
    private final Jinjava jinjava;

    public ChatTemplate(String template, String bosToken, String eosToken) {
        this.bosToken = bosToken == null ? "" : bosToken;
        this.eosToken = eosToken == null ? "" : eosToken;
        // Jinja2's lstrip_blocks strips only what lies between a line's start and a block tag; Jinjava's also eats
        // the spaces before a tag in mid-line, so the template is stripped here instead
        this.template = LINE_START_BEFORE_BLOCK.matcher(template).replaceAll("");
        this.jinjava = new Jinjava(JinjavaConfig.newBuilder().withTrimBlocks(true).withLstripBlocks(false)
                .withFailOnUnknownTokens(false).build());
        // the two functions transformers puts in a template's scope besides its variables
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "raise_exception", ChatTemplate.class,
                "raiseException", String.class));
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "strftime_now", ChatTemplate.class,
                "strftimeNow", String.class));
    }

    /** A template's own refusal, e.g. of roles that do not alternate; its message reaches the caller. */
    public static String raiseException(String message) {
        throw new TemplateRefusal(message);
    }

    /** Today's date (or time) in a Python strftime format, as templates that date their system prompt ask for it. */
    public static String strftimeNow(String format) {
        LocalDateTime now = LocalDateTime.now();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            char directive = format.charAt(++i);
            String pattern = switch (directive) {
                case 'd' -> "dd";
                case 'm' -> "MM";
                case 'b' -> "MMM";
                case 'B' -> "MMMM";
                case 'y' -> "yy";
                case 'Y' -> "yyyy";
                case 'H' -> "HH";
                case 'M' -> "mm";
                case 'S' -> "ss";
                case 'a' -> "EEE";
                case 'A' -> "EEEE";
                default -> null;
            };
            if (pattern != null) {
                out.append(DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).format(now));
            } else {
                out.append(directive == '%' ? "%" : "%" + directive);
            }
        }
        return out.toString();
    }

    /** What a template's {@code raise_exception} throws. */
    static final class TemplateRefusal extends RuntimeException {
        TemplateRefusal(String message) {
            super(message);
        }
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
        return render(messages, null, addGenerationPrompt);
    }

    /**
     * The prompt for {@code messages} with the tools the model may call ({@code [{"type": "function", "function":
     * {...}}]} as transformers passes them; none when null).
     */
    public String render(List<Message> messages, List<Map<String, Object>> tools, boolean addGenerationPrompt) {
        Map<String, Object> context = new HashMap<>();
        context.put("messages", messages.stream().map(Message::forTemplate).toList());
        if (tools != null) {
            context.put("tools", tools);
        }
        context.put("add_generation_prompt", addGenerationPrompt);
        context.put("bos_token", bosToken);
        context.put("eos_token", eosToken);
        RenderResult result = jinjava.renderForResult(template, context);
        for (TemplateError error : result.getErrors()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                // a fatal error leaves a hole in the prompt (or is the template refusing the messages): never send that
                throw new IllegalArgumentException("the model's chat template refuses these messages: " + refusal(error));
            }
        }
        return result.getOutput();
    }

    /** How the template teaches the model to call tools, if it lays them out in a convention read here. */
    public Optional<ToolCallFormat> toolCallFormat() {
        return ToolCallFormat.taughtBy(template);
    }

    private static String refusal(TemplateError error) {
        for (Throwable t = error.getException(); t != null; t = t.getCause()) {
            if (t instanceof TemplateRefusal) {
                return t.getMessage();
            }
        }
        return error.getMessage();
    }
}
