package io.newsdesk.generation.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Server-sent events as OpenAI streams them: one {@code data: <json>} event per chunk and {@code data: [DONE]} at
 * the end. A failed write means the client went away: the stream remembers it, so generation can stop.
 */
final class OpenAiStream {

    private final OutputStream out;
    private final ObjectMapper json;
    private final AtomicBoolean gone = new AtomicBoolean();

    OpenAiStream(OutputStream out, ObjectMapper json) {
        this.out = out;
        this.json = json;
    }

    void send(Object chunk) {
        write("data: " + serialise(chunk) + "\n\n");
    }

    void done() {
        write("data: [DONE]\n\n");
    }

    boolean clientGone() {
        return gone.get();
    }

    private String serialise(Object chunk) {
        try {
            return json.writeValueAsString(chunk);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a stream chunk", e);
        }
    }

    private void write(String event) {
        if (gone.get()) {
            return;
        }
        try {
            out.write(event.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            gone.set(true);
        }
    }
}
