package io.newsdesk.core.ml.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenBytesTest {

    /** Byte-level BPE: the bytes of a text's tokens, joined, are the text's UTF-8, multi-byte characters included. */
    @Test
    void byteLevelTokensJoinIntoTheTextsUtf8() throws Exception {
        Path folder = Path.of(getClass().getResource("/models/tiny-qwen2/config.json").toURI()).getParent();
        TokenBytes vocabulary = TokenBytes.load(folder.resolve("tokenizer.json")).orElseThrow();
        try (LmTokenizer tokenizer = LmTokenizer.load(folder)) {
            for (String text : new String[] {"The mayor said {\"budget\": 12.5}", "Café in Zürich\n\t— naïve résumé ✓"}) {
                ByteArrayOutputStream joined = new ByteArrayOutputStream();
                for (int id : tokenizer.encodeRendered(text)) {
                    joined.writeBytes(vocabulary.of(id));
                }
                assertThat(joined.toByteArray()).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
            }
            assertThat(tokenizer.tokenBytes()).isPresent();
        }
        assertThat(vocabulary.of(0)).as("<s>, an added token, is no text").isNull();
        assertThat(vocabulary.of(1)).as("</s>").isNull();
        assertThat(vocabulary.of(100_000)).isNull();
    }

    /** SentencePiece: ▁ is a space, <0xNN> a raw byte, added tokens none; a decoder of another kind is not read. */
    @Test
    void sentencePieceTokensAndUnknownDecoders(@TempDir Path dir) throws Exception {
        String vocab = "{\"<unk>\":0,\"<s>\":1,\"</s>\":2,\"<0x0A>\":3,\"<0xC3>\":4,\"\u2581Hello\":5,\"é\":6,\"{\":7,\"\\\"\":8}";
        Path sentencePiece = dir.resolve("sp.json");
        Files.writeString(sentencePiece, "{\"added_tokens\":[{\"id\":0,\"content\":\"<unk>\"},{\"id\":1,\"content\":\"<s>\"},"
                + "{\"id\":2,\"content\":\"</s>\"}],\"decoder\":{\"type\":\"Sequence\",\"decoders\":[{\"type\":\"Replace\","
                + "\"pattern\":{\"String\":\"\u2581\"},\"content\":\" \"},{\"type\":\"ByteFallback\"},{\"type\":\"Fuse\"},"
                + "{\"type\":\"Strip\",\"content\":\" \",\"start\":1,\"stop\":0}]},\"model\":{\"type\":\"BPE\",\"vocab\":" + vocab + "}}");
        TokenBytes bytes = TokenBytes.load(sentencePiece).orElseThrow();
        assertThat(bytes.of(1)).isNull();
        assertThat(bytes.of(3)).containsExactly(0x0A);
        assertThat(bytes.of(4)).containsExactly((byte) 0xC3);
        assertThat(new String(bytes.of(5), StandardCharsets.UTF_8)).isEqualTo(" Hello");
        assertThat(bytes.of(6)).isEqualTo("é".getBytes(StandardCharsets.UTF_8));
        assertThat(bytes.of(7)).containsExactly('{');
        assertThat(bytes.of(8)).containsExactly('"');
        assertThat(bytes.firstByte(5)).isEqualTo(' ');
        assertThat(bytes.firstByte(1)).as("added").isEqualTo(-1);
        assertThat(bytes.stringSafe(5)).isTrue();
        assertThat(bytes.stringSafe(7)).as("a brace is plain text inside a string").isTrue();
        assertThat(bytes.stringSafe(8)).as("a quote ends the string").isFalse();
        assertThat(bytes.stringSafe(3)).as("a raw newline may not stand in a string").isFalse();
        assertThat(bytes.stringSafe(4)).as("half of a character").isFalse();
        assertThat(bytes.stringSafe(6)).as("a whole one").isTrue();

        Path wordPiece = dir.resolve("wp.json");
        Files.writeString(wordPiece, "{\"decoder\":{\"type\":\"WordPiece\"},\"model\":{\"type\":\"WordPiece\",\"vocab\":" + vocab + "}}");
        assertThat(TokenBytes.load(wordPiece)).isEmpty();
    }
}
