package io.newsdesk.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionPredictionContent;
import com.openai.models.chat.completions.ChatCompletionUserMessageParam;
import com.openai.models.chat.completions.StructuredChatCompletion;
import com.openai.models.chat.completions.StructuredChatCompletionCreateParams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The official OpenAI Java SDK talks to the running service: plain and streaming chats, logprobs, JSON mode, structured
 * outputs, tool calls.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class OpenAiClientTest {

    /** Registers the tiny Qwen2 fixture as qwen-sdk and points the official client at this service. */
    private static OpenAIClient clientOfARegisteredModel() {
        given().contentType(ContentType.JSON).body(Map.of("task", "text-generation", "folder", "tiny-qwen2"))
                .put("/api/models/qwen-sdk").then().statusCode(200);
        return OpenAIOkHttpClient.builder().baseUrl("http://localhost:" + RestAssured.port + "/v1").apiKey("not-checked").build();
    }

    @Test
    void theOfficialClientGetsPlainAndStreamedChatCompletions() {
        OpenAIClient client = clientOfARegisteredModel();
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("qwen-sdk")
                .addUserMessage("Suggest a headline about the new library.").maxCompletionTokens(10).temperature(0.0).build();

        ChatCompletion completion = client.chat().completions().create(params);
        String text = completion.choices().get(0).message().content().orElseThrow();
        assertThat(text).isNotEmpty();
        assertThat(completion.usage().orElseThrow().completionTokens()).isBetween(1L, 10L);

        StringBuilder streamed = new StringBuilder();
        java.util.List<ChatCompletionChunk> chunks;
        ChatCompletionCreateParams withUsage = params.toBuilder()
                .streamOptions(com.openai.models.chat.completions.ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(withUsage)) {
            chunks = stream.stream().toList();
        }
        chunks.forEach(chunk -> chunk.choices().forEach(c -> c.delta().content().ifPresent(streamed::append)));
        assertThat(streamed.toString()).isEqualTo(text);
        ChatCompletionChunk last = chunks.get(chunks.size() - 1);
        assertThat(last.choices()).isEmpty();
        assertThat(last.usage().orElseThrow().completionTokens()).isEqualTo(completion.usage().orElseThrow().completionTokens());
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(chunk -> assertThat(chunk.usage()).isEmpty());

        assertThat(client.models().retrieve("qwen-sdk").id()).isEqualTo("qwen-sdk");
        assertThat(client.models().list().data()).extracting(m -> m.id()).contains("qwen-sdk", "bge-small-en-v1.5");
        assertThatThrownBy(() -> client.models().retrieve("no-such-model")).isInstanceOf(NotFoundException.class);

        ChatCompletionCreateParams unknown = params.toBuilder().model("no-such-model").build();
        assertThatThrownBy(() -> client.chat().completions().create(unknown)).isInstanceOf(NotFoundException.class);
    }

    /**
     * Content as arrays of text parts, as clients send it for system and user messages, reads as the same text joined
     * by line breaks; an image part is refused, as the models read text only. A participant's name (which this
     * template does not use) and the end-user fields are taken.
     */
    @Test
    void theOfficialClientSendsContentPartsAndEndUserIds() {
        OpenAIClient client = clientOfARegisteredModel();
        ChatCompletionCreateParams asStrings = ChatCompletionCreateParams.builder().model("qwen-sdk")
                .addSystemMessage("You write headlines.\nKeep them short.")
                .addUserMessage("The library reopens.\nSuggest a headline.").maxCompletionTokens(8).temperature(0.0).build();
        ChatCompletionCreateParams asParts = ChatCompletionCreateParams.builder().model("qwen-sdk")
                .addSystemMessageOfArrayOfContentParts(List.of(textPart("You write headlines."), textPart("Keep them short.")))
                .addMessage(ChatCompletionUserMessageParam.builder().name("anna").contentOfArrayOfContentParts(List.of(
                        ChatCompletionContentPart.ofText(textPart("The library reopens.")),
                        ChatCompletionContentPart.ofText(textPart("Suggest a headline.")))).build())
                .maxCompletionTokens(8).temperature(0.0).user("editor-17").safetyIdentifier("desk-4").build();
        ChatCompletion fromStrings = client.chat().completions().create(asStrings);
        ChatCompletion fromParts = client.chat().completions().create(asParts);
        assertThat(fromParts.usage().orElseThrow().promptTokens()).isEqualTo(fromStrings.usage().orElseThrow().promptTokens());
        assertThat(fromParts.choices().get(0).message().content()).isEqualTo(fromStrings.choices().get(0).message().content());

        ChatCompletionCreateParams withImage = ChatCompletionCreateParams.builder().model("qwen-sdk")
                .addUserMessageOfArrayOfContentParts(List.of(ChatCompletionContentPart.ofText(textPart("What is in this photo?")),
                        ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder().imageUrl(
                                ChatCompletionContentPartImage.ImageUrl.builder().url("https://example.com/harbour.jpg").build()).build())))
                .maxCompletionTokens(4).build();
        assertThatThrownBy(() -> client.chat().completions().create(withImage)).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("messages[0].content").hasMessageContaining("text only");
    }

    private static ChatCompletionContentPartText textPart(String text) {
        return ChatCompletionContentPartText.builder().text(text).build();
    }

    /**
     * A predicted output, as an edit request sends the article it edits: the answer is the one without it, and the
     * usage says how many predicted tokens it took.
     */
    @Test
    void theOfficialClientSendsAPredictedOutput() {
        OpenAIClient client = clientOfARegisteredModel();
        ChatCompletionCreateParams plain = ChatCompletionCreateParams.builder().model("qwen-sdk")
                .addUserMessage("Fix the typos: The councel voted to reopen the libary.").maxCompletionTokens(24)
                .temperature(0.0).build();
        ChatCompletion first = client.chat().completions().create(plain);
        String answer = first.choices().get(0).message().content().orElseThrow();
        ChatCompletion predicted = client.chat().completions().create(plain.toBuilder()
                .prediction(ChatCompletionPredictionContent.builder().content(answer).build()).build());
        assertThat(predicted.choices().get(0).message().content()).contains(answer);
        var details = predicted.usage().orElseThrow().completionTokensDetails().orElseThrow();
        assertThat(details.acceptedPredictionTokens().orElseThrow()).as("the answer was its prediction").isPositive();
        assertThat(first.usage().orElseThrow().completionTokensDetails().orElseThrow().acceptedPredictionTokens())
                .contains(0L);
    }

    /** Several answers, logprobs and the legacy completions endpoint, read through the SDK's own types. */
    @Test
    void theOfficialClientReadsSeveralAnswersLogprobsAndTextCompletions() {
        OpenAIClient client = clientOfARegisteredModel();
        ChatCompletion chat = client.chat().completions().create(ChatCompletionCreateParams.builder().model("qwen-sdk")
                .addUserMessage("Suggest a headline about the new library.").maxCompletionTokens(6).temperature(1.0).seed(4)
                .n(2).logprobs(true).topLogprobs(2).build());
        assertThat(chat.choices()).hasSize(2);
        assertThat(chat.choices().get(1).index()).isEqualTo(1);
        var content = chat.choices().get(1).logprobs().orElseThrow().content().orElseThrow();
        assertThat(content).isNotEmpty();
        assertThat(content.get(0).topLogprobs()).hasSize(2);
        assertThat(content.get(0).logprob()).isNegative();

        com.openai.models.completions.Completion text = client.completions().create(
                com.openai.models.completions.CompletionCreateParams.builder().model("qwen-sdk")
                        .prompt("The mayor said the new budget").maxTokens(8).temperature(0.0).logprobs(2).echo(false).build());
        var logprobs = text.choices().get(0).logprobs().orElseThrow();
        assertThat(logprobs.tokens().orElseThrow()).hasSize((int) text.usage().orElseThrow().completionTokens());
        assertThat(String.join("", logprobs.tokens().orElseThrow())).isEqualTo(text.choices().get(0).text());
        assertThat(logprobs.textOffset().orElseThrow()).isSorted();
    }

    /** A story suggestion as an editor's tool would ask for it: the SDK derives a strict JSON Schema from the class. */
    public static class Suggestion {
        @Schema(pattern = "^[A-Z][a-z ]{4,40}$")
        public String headline;
        public Desk desk;
        @ArraySchema(maxItems = 3)
        public List<Tag> tags;
        public Tag lead;
        @Schema(format = "date")
        public Optional<String> publishOn;
        @Schema(minimum = "100", maximum = "2000")
        public int words;
    }

    public static class Tag {
        @Schema(pattern = "^[a-z]{2,12}$")
        public String name;
    }

    public enum Desk { NEWS, SPORTS, WEATHER }

    /**
     * Structured outputs as the SDK asks for them from a class ($defs and $ref for the shared type, an enum, a
     * nullable string): each answer that closes is read back into the class by the SDK itself.
     */
    @Test
    void theOfficialClientReadsStructuredOutputsIntoAClass() throws Exception {
        OpenAIClient client = clientOfARegisteredModel();
        StructuredChatCompletionCreateParams<Suggestion> params = ChatCompletionCreateParams.builder().model("qwen-sdk")
                .addUserMessage("Suggest a story.").maxCompletionTokens(175).temperature(1.0).seed(3).n(4)
                .responseFormat(Suggestion.class).build();
        assertThat(com.openai.core.ObjectMappers.jsonMapper().writeValueAsString(params.rawParams()._body()))
                .as("the SDK's schema shares a definition").contains("\"$defs\"", "\"$ref\":\"#/$defs/Tag\"");

        StructuredChatCompletion<Suggestion> answers = client.chat().completions().create(params);
        assertThat(answers.choices()).hasSize(4);
        int whole = 0;
        for (var choice : answers.choices()) {
            if (ChatCompletion.Choice.FinishReason.STOP.equals(choice.finishReason())) {
                Suggestion suggestion = choice.message().content().orElseThrow();
                assertThat(suggestion.headline).matches("[A-Z][a-z ]{4,40}");
                assertThat(suggestion.desk).isNotNull();
                assertThat(suggestion.tags).hasSizeLessThanOrEqualTo(3).allSatisfy(tag -> assertThat(tag.name).matches("[a-z]{2,12}"));
                assertThat(suggestion.lead.name).matches("[a-z]{2,12}");
                suggestion.publishOn.ifPresent(day -> assertThat(java.time.LocalDate.parse(day)).isNotNull());
                assertThat(suggestion.words).isBetween(100, 2000);
                whole++;
            }
        }
        assertThat(whole).as("answers that closed their object within 175 tokens").isPositive();
    }

    /** A function the model may call, as the SDK describes it from a class. */
    public static class SearchArchive {
        @Schema(pattern = "^[a-z ]{3,20}$")
        public String query;
        @Schema(minimum = "1", maximum = "9")
        public int count;
    }

    /**
     * Tool calling as the SDK does it: the function's schema derived from a class, the call forced by name and its
     * arguments read back into the class; then the call and the tool's result go back for the model's answer.
     */
    @Test
    void theOfficialClientCallsAToolAndSendsBackItsResult() {
        given().contentType(ContentType.JSON).body(Map.of("task", "text-generation", "folder", "tiny-qwen2-tools"))
                .put("/api/models/qwen-sdk-tools").then().statusCode(200);
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl("http://localhost:" + RestAssured.port + "/v1")
                .apiKey("not-checked").build();
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("qwen-sdk-tools")
                .addUserMessage("Find coverage of the flood.").addTool(SearchArchive.class)
                .toolChoice(com.openai.models.chat.completions.ChatCompletionNamedToolChoice.builder()
                        .function(com.openai.models.chat.completions.ChatCompletionNamedToolChoice.Function.builder()
                                .name("SearchArchive").build()).build())
                .maxCompletionTokens(150).temperature(1.0).seed(11).build();
        ChatCompletion completion = client.chat().completions().create(params);
        ChatCompletion.Choice choice = completion.choices().get(0);
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        var call = choice.message().toolCalls().orElseThrow().get(0).asFunction();
        assertThat(call.function().name()).isEqualTo("SearchArchive");
        SearchArchive arguments = call.function().arguments(SearchArchive.class);
        assertThat(arguments.query).matches("[a-z ]{3,20}");
        assertThat(arguments.count).isBetween(1, 9);

        ChatCompletionCreateParams answering = params.toBuilder()
                .toolChoice(com.openai.models.chat.completions.ChatCompletionToolChoiceOption.Auto.NONE)
                .maxCompletionTokens(8).build();
        long unanswered = client.chat().completions().create(answering).usage().orElseThrow().promptTokens();
        ChatCompletion answer = client.chat().completions().create(answering.toBuilder()
                .addMessage(choice.message())
                .addMessage(com.openai.models.chat.completions.ChatCompletionToolMessageParam.builder()
                        .toolCallId(call.id()).content("Two articles: river levels rise; sandbags run out").build())
                .build());
        assertThat(answer.choices().get(0).message().content()).isPresent();
        assertThat(answer.usage().orElseThrow().promptTokens()).as("the call and its result are in the prompt")
                .isGreaterThan(unanswered + 40);
    }

    /** JSON mode through the SDK's own response_format type: the answer is (the start of) one JSON object. */
    @Test
    void theOfficialClientAsksForJsonMode() throws Exception {
        OpenAIClient client = clientOfARegisteredModel();
        ChatCompletion chat = client.chat().completions().create(ChatCompletionCreateParams.builder().model("qwen-sdk")
                .addUserMessage("The headline and two tags, as JSON.").maxCompletionTokens(60).temperature(1.0).seed(5)
                .responseFormat(com.openai.models.ResponseFormatJsonObject.builder().build()).build());
        String content = chat.choices().get(0).message().content().orElseThrow();
        assertThat(content.strip()).startsWith("{");
        if (ChatCompletion.Choice.FinishReason.STOP.equals(chat.choices().get(0).finishReason())) {
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(content).isObject()).as(content).isTrue();
        }
    }
}
