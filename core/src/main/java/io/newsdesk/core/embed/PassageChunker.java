package io.newsdesk.core.embed;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into passages of at most a given number of tokens, cutting between sentences where it can and
 * inside a sentence only when that sentence alone is too long. Nothing is dropped: the passages together hold
 * every sentence of the text.
 */
public final class PassageChunker {

    private static final int SPECIAL_TOKENS = 2;

    private final TextEmbedder embedder;
    private final int passageTokens;

    /**
     * @param passageTokens most tokens per passage, special tokens included; between 16 and the embedder's maximum
     */
    public PassageChunker(TextEmbedder embedder, int passageTokens) {
        if (passageTokens < 16 || passageTokens > embedder.maxTokens()) {
            throw new IllegalArgumentException("passageTokens must be in [16, " + embedder.maxTokens() + "], got "
                    + passageTokens);
        }
        this.embedder = embedder;
        this.passageTokens = passageTokens;
    }

    public int passageTokens() {
        return passageTokens;
    }

    public List<String> chunk(String text) {
        List<String> passages = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return passages;
        }
        StringBuilder current = new StringBuilder();
        int currentTokens = 0;
        for (String sentence : sentences(text)) {
            int tokens = embedder.countTokens(sentence) - SPECIAL_TOKENS;
            if (tokens + SPECIAL_TOKENS > passageTokens) {
                flush(passages, current);
                currentTokens = 0;
                passages.addAll(embedder.tokenPieces(sentence, passageTokens));
                continue;
            }
            if (currentTokens + tokens + SPECIAL_TOKENS > passageTokens) {
                flush(passages, current);
                currentTokens = 0;
            }
            if (!current.isEmpty()) {
                current.append(' ');
            }
            current.append(sentence);
            currentTokens += tokens;
        }
        flush(passages, current);
        return passages;
    }

    private static void flush(List<String> passages, StringBuilder current) {
        if (!current.isEmpty()) {
            passages.add(current.toString());
            current.setLength(0);
        }
    }

    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        iterator.setText(text);
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            String sentence = text.substring(start, end).strip();
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }
}
