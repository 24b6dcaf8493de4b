package io.newsdesk.generation.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdesk.core.ml.llm.GenerationOptions;
import io.newsdesk.core.ml.llm.JsonShape;
import io.newsdesk.core.ml.llm.ToolCallFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The functions a chat may call (OpenAI's {@code tools} and {@code tool_choice}) and the calls read back from an
 * answer. The model sees the tools through its chat template and calls one the way that template teaches
 * ({@link ToolCallFormat}): a JSON object of name and arguments, between {@code <tool_call>} tags or bare. With
 * {@code tool_choice} "required" or a named function the answer is opened as a call and kept, token by token, to
 * that object (the named function's parameters schema as a {@link JsonShape}); with "auto" the model writes freely,
 * a call it opens is kept to that shape, and the calls are read from its text afterwards.
 */
public final class ToolUse {

    public static final int MAX_TOOLS = 32;
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the model may use the tools. */
    public enum Mode { NONE, AUTO, FORCED }

    /** One function: its parameters schema as given, and as the shape a forced call keeps to. */
    public record Tool(String name, String description, ObjectNode parameters) {
    }

    /** A call read from an answer: arguments as compact JSON text, as OpenAI returns them. */
    public record Call(String id, String name, String arguments) {
    }

    /** An answer split into what it says and the calls it makes. */
    public record Answer(String content, List<Call> calls) {
    }

    /** No tools. */
    public static final ToolUse NONE = new ToolUse(List.of(), Mode.NONE, null, true, ToolCallFormat.TAGGED);

    private final List<Tool> tools;
    private final Mode mode;
    private final Tool named;
    private final boolean parallel;
    private final ToolCallFormat format;

    private ToolUse(List<Tool> tools, Mode mode, Tool named, boolean parallel, ToolCallFormat format) {
        this.tools = tools;
        this.mode = mode;
        this.named = named;
        this.parallel = parallel;
        this.format = format;
    }

    /** The same, but a free answer's calls after its first are dropped ({@code parallel_tool_calls: false}). */
    public ToolUse oneCallAtMost() {
        return new ToolUse(tools, mode, named, false, format);
    }

    /** The same, for a model that writes its calls in {@code format}. */
    public ToolUse writtenAs(ToolCallFormat format) {
        return new ToolUse(tools, mode, named, parallel, format);
    }

    public ToolCallFormat format() {
        return format;
    }

    /**
     * The tools of a request and its choice among them ("none", "auto" (the default with tools), "required", or
     * {"type": "function", "function": {"name": ...}}).
     *
     * @throws io.newsdesk.core.problem.InvalidRequestException naming the field that is wrong
     */
    public static ToolUse of(JsonNode toolsNode, JsonNode choice) {
        boolean none = toolsNode == null || toolsNode.isNull() || toolsNode.isArray() && toolsNode.isEmpty();
        if (none) {
            if (choice != null && !choice.isNull() && !"none".equals(choice.asText())) {
                throw SamplingParameters.invalid("tool_choice", "there are no tools to choose from");
            }
            return NONE;
        }
        if (!toolsNode.isArray() || toolsNode.size() > MAX_TOOLS) {
            throw SamplingParameters.invalid("tools", "must be a list of at most " + MAX_TOOLS + " functions");
        }
        List<Tool> tools = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < toolsNode.size(); i++) {
            Tool tool = tool(toolsNode.get(i), "tools[" + i + "]");
            if (!names.add(tool.name())) {
                throw SamplingParameters.invalid("tools", "two functions are named '" + tool.name() + "'");
            }
            tools.add(tool);
        }
        if (choice == null || choice.isNull() || "auto".equals(choice.asText())) {
            return new ToolUse(tools, Mode.AUTO, null, true, ToolCallFormat.TAGGED);
        }
        if ("none".equals(choice.asText())) {
            return new ToolUse(tools, Mode.NONE, null, true, ToolCallFormat.TAGGED);
        }
        if ("required".equals(choice.asText())) {
            return new ToolUse(tools, Mode.FORCED, tools.size() == 1 ? tools.get(0) : null, true, ToolCallFormat.TAGGED);
        }
        String name = choice.path("function").path("name").asText("");
        if (!"function".equals(choice.path("type").asText()) || !names.contains(name)) {
            throw SamplingParameters.invalid("tool_choice", "must be none, auto, required or {\"type\": \"function\", "
                    + "\"function\": {\"name\": ...}} naming one of the tools");
        }
        return new ToolUse(tools, Mode.FORCED, tools.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(),
                true, ToolCallFormat.TAGGED);
    }

    private static Tool tool(JsonNode node, String path) {
        JsonNode function = node.path("function");
        if (!"function".equals(node.path("type").asText()) || !function.isObject()) {
            throw SamplingParameters.invalid("tools", path + " must be {\"type\": \"function\", \"function\": {...}}");
        }
        String name = function.path("name").asText("");
        if (!NAME.matcher(name).matches()) {
            throw SamplingParameters.invalid("tools", path + ".function.name must be 1-64 letters, digits, _ or -");
        }
        JsonNode parameters = function.path("parameters");
        if (!parameters.isMissingNode() && !parameters.isObject()) {
            throw SamplingParameters.invalid("tools", path + ".function.parameters must be a JSON Schema object");
        }
        ObjectNode schema = parameters.isObject() ? (ObjectNode) parameters : JSON.createObjectNode().put("type", "object");
        return new Tool(name, function.path("description").asText(null), schema);
    }

    public Mode mode() {
        return mode;
    }

    /** Whether the model is shown the tools (not when the choice is "none"). */
    public boolean offered() {
        return mode != Mode.NONE;
    }

    /** The tools as chat templates take them (transformers' convention). */
    public List<Map<String, Object>> forTemplate() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Tool tool : tools) {
            Map<String, Object> function = new LinkedHashMap<>();
            function.put("name", tool.name());
            if (tool.description() != null) {
                function.put("description", tool.description());
            }
            function.put("parameters", JSON.convertValue(tool.parameters(), Map.class));
            list.add(Map.of("type", "function", "function", function));
        }
        return list;
    }

    /** What a forced answer begins with, already written into the prompt. */
    public String forcedStart() {
        return format == ToolCallFormat.TAGGED ? format.open() + "\n" : format.open();
    }

    /**
     * The shape of a call: {"name": ..., "arguments": {...}} ("parameters" where the format names them so), the
     * name first and the arguments kept to that function's parameters (Mistral's calls in an array of them).
     *
     * @throws io.newsdesk.core.problem.InvalidRequestException when a forced call's function has parameters that
     *     cannot be kept to (a free answer keeps such a function's arguments to any object instead)
     */
    public JsonShape callShape() {
        List<Tool> callable = named != null ? List.of(named) : tools;
        List<JsonShape> arguments = new ArrayList<>();
        for (Tool tool : callable) {
            arguments.add(argumentsShape(tool));
        }
        JsonShape call = JsonShape.choosing("name", callable.stream().map(Tool::name).toList(), format.argumentsKey(),
                arguments);
        if (!format.listsCalls()) {
            return call;
        }
        return JsonShape.arrayOf(call, 1, mode == Mode.FORCED || !parallel ? 1 : MAX_TOOLS);
    }

    private JsonShape argumentsShape(Tool tool) {
        String refusal;
        try {
            JsonShape shape = JsonShape.of(tool.parameters());
            if (shape.objectOnly()) {
                return shape;
            }
            refusal = "they must describe an object";
        } catch (IllegalArgumentException unsupported) {
            refusal = unsupported.getMessage().replaceFirst("^schema", "parameters");
        }
        if (mode == Mode.FORCED) {
            throw SamplingParameters.invalid("tools", "the parameters of '" + tool.name() + "' cannot be kept to: "
                    + refusal);
        }
        return JsonShape.ANY_OBJECT;
    }

    /**
     * The options with the calls kept to {@link #callShape}: a forced answer is the call; a free one may say
     * anything, but a call it opens with a tag is kept to the shape until it closes, and in a bare-JSON format
     * (no tag) an answer that opens with an object is kept to it as a call.
     */
    public GenerationOptions keepCallsTo(GenerationOptions options) {
        return switch (mode) {
            case FORCED -> options.withJson(callShape());
            case AUTO -> options.withJsonAfter(format.open(), callShape());
            case NONE -> options;
        };
    }

    /**
     * The answer's content and calls: a forced answer is the call itself (no call if it did not close); a free one
     * holds its calls as the format writes them; what does not read as a call of one of the tools (a JSON object
     * naming it, with arguments as an object or a string holding one) stays in the content.
     */
    public Answer read(String text, boolean closed) {
        if (mode == Mode.NONE || mode == Mode.FORCED && !closed) {
            return new Answer(text, List.of());
        }
        if (format.listsCalls()) {
            return listed(text);
        }
        if (mode == Mode.FORCED || format == ToolCallFormat.BARE_JSON) {
            return bare(text);
        }
        return tagged(text);
    }

    /** One call as the whole answer: a forced one, or Llama's (after {@code <|python_tag|>} at times). */
    private Answer bare(String text) {
        String body = text.strip();
        body = body.startsWith(ToolCallFormat.PYTHON_TAG) ? body.substring(ToolCallFormat.PYTHON_TAG.length()) : body;
        Call call = body.strip().startsWith("{") ? call(body) : null;
        return call == null ? new Answer(text, List.of()) : new Answer(null, List.of(call));
    }

    /** Calls between tags, the text around them the content. */
    private Answer tagged(String text) {
        String open = format.open();
        String close = format.close();
        List<Call> calls = new ArrayList<>();
        StringBuilder content = new StringBuilder();
        int at = 0;
        while (true) {
            int opened = text.indexOf(open, at);
            if (opened < 0) {
                content.append(text, at, text.length());
                break;
            }
            int closing = text.indexOf(close, opened);
            int end = closing < 0 ? text.length() : closing;
            Call call = call(text.substring(opened + open.length(), end));
            if (call == null) {
                content.append(text, at, closing < 0 ? text.length() : closing + close.length());
            } else if (parallel || calls.isEmpty()) {
                content.append(text, at, opened);
                calls.add(call);
            } else {
                content.append(text, at, opened); // a call beyond the one allowed is dropped, not shown as text
            }
            if (closing < 0) {
                break;
            }
            at = closing + close.length();
        }
        String said = content.toString().strip();
        return new Answer(calls.isEmpty() ? text : said.isEmpty() ? null : said, calls);
    }

    /** Mistral's calls: a JSON array after {@code [TOOL_CALLS]} (or alone, where decoding dropped the marker). */
    private Answer listed(String text) {
        int marker = text.indexOf(format.open());
        String before = marker < 0 ? "" : text.substring(0, marker).strip();
        String list = marker < 0 ? text.strip() : text.substring(marker + format.open().length()).strip();
        List<Call> calls = new ArrayList<>();
        try {
            JsonNode array = list.startsWith("[") ? JSON.readTree(list) : null;
            for (JsonNode item : array == null ? JSON.createArrayNode() : array) {
                Call call = call(item);
                if (call == null) {
                    return new Answer(text, List.of());
                }
                if (parallel || calls.isEmpty()) {
                    calls.add(call);
                }
            }
        } catch (java.io.IOException notJson) {
            return new Answer(text, List.of());
        }
        return calls.isEmpty() ? new Answer(text, List.of()) : new Answer(before.isEmpty() ? null : before, calls);
    }

    private Call call(String body) {
        try {
            return call(JSON.readTree(body.strip()));
        } catch (java.io.IOException notJson) {
            return null;
        }
    }

    private Call call(JsonNode call) {
        if (call == null || !call.isObject()) {
            return null;
        }
        String name = call.path("name").asText("");
        JsonNode arguments = call.has(format.argumentsKey()) ? call.path(format.argumentsKey())
                : call.has("arguments") ? call.path("arguments") : call.path("parameters");
        if (arguments.isTextual()) {
            try {
                arguments = JSON.readTree(arguments.asText());
            } catch (java.io.IOException notJson) {
                return null;
            }
        }
        if (tools.stream().noneMatch(t -> t.name().equals(name)) || arguments == null || !arguments.isObject()) {
            return null;
        }
        return new Call(format.newCallId(), name, arguments.toString());
    }
}
