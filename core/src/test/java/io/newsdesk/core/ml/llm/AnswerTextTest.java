package io.newsdesk.core.ml.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The answer's text built from the last tokens only is, token by token, the text of all of them decoded at once. */
class AnswerTextTest {

    @Test
    void byteLevelTextGrowsAsDecodingTheWholeAnswerWould() throws Exception {
        Path folder = Path.of(getClass().getResource("/models/tiny-qwen2/config.json").toURI()).getParent();
        try (LmTokenizer tokenizer = LmTokenizer.load(folder)) {
            int[] ids = tokenizer.encodeRendered("Storm Ana: \u00e9t\u00e9 \u2014 \u4e2d\u6587 \ud83d\ude00 floods,\n  roads  closed.");
            assertGrowsAsWholeDecoding(tokenizer, ids);
        }
    }

    /** SentencePiece drops the space before the text's first word: the new tokens are decoded behind the last ones. */
    @Test
    void sentencePieceKeepsTheSpacesBetweenWords(@TempDir Path dir) throws Exception {
        String vocab = "{\"<unk>\":0,\"<s>\":1,\"</s>\":2,\"<0xC3>\":3,\"<0xA9>\":4,\"\u2581Hello\":5,\"\u2581world\":6,\"!\":7,"
                + "\"\u2581caf\":8}";
        Files.writeString(dir.resolve("tokenizer.json"), "{\"version\":\"1.0\",\"truncation\":null,\"padding\":null,"
                + "\"added_tokens\":[{\"id\":0,\"content\":\"<unk>\",\"single_word\":false,\"lstrip\":false,\"rstrip\":false,"
                + "\"normalized\":false,\"special\":true},{\"id\":1,\"content\":\"<s>\",\"single_word\":false,\"lstrip\":false,"
                + "\"rstrip\":false,\"normalized\":false,\"special\":true},{\"id\":2,\"content\":\"</s>\",\"single_word\":false,"
                + "\"lstrip\":false,\"rstrip\":false,\"normalized\":false,\"special\":true}],\"normalizer\":null,"
                + "\"pre_tokenizer\":null,\"post_processor\":null,\"decoder\":{\"type\":\"Sequence\",\"decoders\":["
                + "{\"type\":\"Replace\",\"pattern\":{\"String\":\"\u2581\"},\"content\":\" \"},{\"type\":\"ByteFallback\"},"
                + "{\"type\":\"Fuse\"},{\"type\":\"Strip\",\"content\":\" \",\"start\":1,\"stop\":0}]},\"model\":{\"type\":\"BPE\","
                + "\"dropout\":null,\"unk_token\":\"<unk>\",\"continuing_subword_prefix\":null,\"end_of_word_suffix\":null,"
                + "\"fuse_unk\":true,\"byte_fallback\":true,\"vocab\":" + vocab + ",\"merges\":[]}}");
        try (LmTokenizer tokenizer = LmTokenizer.load(dir)) {
            int[] ids = {1, 5, 6, 7, 8, 3, 4, 6, 2, 7};
            assertThat(tokenizer.decode(ids)).isEqualTo("Hello world! caf\u00e9 world!");
            assertGrowsAsWholeDecoding(tokenizer, ids);
        }
    }

    private static void assertGrowsAsWholeDecoding(LmTokenizer tokenizer, int[] ids) {
        AnswerText answer = new AnswerText(tokenizer, 4); // fewer than the answer has: the buffer grows
        for (int n = 1; n <= ids.length; n++) {
            String text = answer.append(ids[n - 1]);
            assertThat(text).as("after %d tokens", n).isEqualTo(tokenizer.decode(Arrays.copyOf(ids, n)));
        }
    }
}
