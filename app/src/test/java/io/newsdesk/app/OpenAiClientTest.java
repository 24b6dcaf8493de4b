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

/** The official OpenAI Java SDK talks to the running service: a plain and a streaming chat completion. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class OpenAiClientTest {

    @Test
    void theOfficialClientGetsPlainAndStreamedChatCompletions() {
        given().contentType(ContentType.JSON).body(Map.of("task", "text-generation", "folder", "tiny-qwen2"))
                .put("/api/models/qwen-sdk").then().statusCode(200);
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl("http://localhost:" + RestAssured.port + "/v1")
                .apiKey("not-checked").build();
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
}
