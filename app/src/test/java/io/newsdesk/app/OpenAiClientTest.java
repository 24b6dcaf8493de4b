package io.newsdesk.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK talks to the running service: plain and streaming chats, logprobs, JSON mode. */
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

    /** JSON mode through the SDK's own response_format type: the answer is (the start of) one JSON object. */
    @Test
    void theOfficialClientAsksForJsonMode() throws Exception {
        OpenAIClient client = clientOfARegisteredModel();
        ChatCompletion chat = client.chat().completions().create(ChatCompletionCreateParams.builder().model("qwen-sdk")
                .addUserMessage("The headline and two tags, as JSON.").maxCompletionTokens(60).temperature(1.0).seed(5)
                .responseFormat(com.openai.models.ResponseFormatJsonObject.builder().build()).build());
        String content = chat.choices().get(0).message().content().orElseThrow();
        assertThat(content.strip()).startsWith("{");
        if (chat.choices().get(0).finishReason() == ChatCompletion.Choice.FinishReason.STOP) {
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(content).isObject()).as(content).isTrue();
        }
    }
}
