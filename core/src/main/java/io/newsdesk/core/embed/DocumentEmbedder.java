package io.newsdesk.core.embed;

import java.util.ArrayList;
import java.util.List;

/**
 * Embeds whole documents of any length as one vector each.
 *
 * <p>A document is its lead (title and standfirst, the part a reader sees first) and its body. Both are chunked
 * into passages that fit the model, all passages of a call are embedded in one batch, and the document vector is
 * the normalised mean of the lead's mean and the body's mean, so a long body cannot drown out what the article is
 * about while still counting as much as its headline.
 */
public final class DocumentEmbedder {

    /** Share of the document vector that comes from the lead when there is a body. */
    static final double LEAD_WEIGHT = 0.5;

    private final TextEmbedder embedder;
    private final PassageChunker chunker;

    public DocumentEmbedder(TextEmbedder embedder, PassageChunker chunker) {
        this.embedder = embedder;
        this.chunker = chunker;
    }

    public TextEmbedder embedder() {
        return embedder;
    }

    /** A document to embed; any part may be empty. */
    public record Document(String title, String standfirst, String body) {

        String lead() {
            String t = title == null ? "" : title.strip();
            String s = standfirst == null ? "" : standfirst.strip();
            if (t.isEmpty()) {
                return s;
            }
            return s.isEmpty() ? t : t + "\n" + s;
        }
    }

    /** One document vector per document, and the passages each took. */
    public record Result(float[][] vectors, int[] passages, int tokens) {
    }

    public Result embed(List<Document> documents) {
        List<String> passages = new ArrayList<>();
        int[][] leadRange = new int[documents.size()][];
        int[][] bodyRange = new int[documents.size()][];
        for (int d = 0; d < documents.size(); d++) {
            Document doc = documents.get(d);
            leadRange[d] = append(passages, chunker.chunk(doc.lead()));
            bodyRange[d] = append(passages, chunker.chunk(doc.body()));
        }
        Embeddings embeddings = embedder.embed(passages, EmbeddingPurpose.DOCUMENT);
        float[][] vectors = new float[documents.size()][];
        int[] counts = new int[documents.size()];
        for (int d = 0; d < documents.size(); d++) {
            float[] lead = mean(embeddings.vectors(), leadRange[d]);
            float[] body = mean(embeddings.vectors(), bodyRange[d]);
            counts[d] = (leadRange[d][1] - leadRange[d][0]) + (bodyRange[d][1] - bodyRange[d][0]);
            if (lead == null && body == null) {
                vectors[d] = new float[embedder.dimension()];
            } else if (lead == null || body == null) {
                vectors[d] = lead == null ? body : lead;
            } else {
                vectors[d] = Vectors.weightedMean(new float[][] {lead, body}, new double[] {LEAD_WEIGHT, 1 - LEAD_WEIGHT});
            }
        }
        return new Result(vectors, counts, embeddings.totalTokens());
    }

    /** Embeds one text of any length: its passages' normalised mean, and the tokens they took. */
    public Embeddings embedLong(List<String> texts, EmbeddingPurpose purpose) {
        List<String> passages = new ArrayList<>();
        int[][] ranges = new int[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            List<String> pieces = embedder.countTokens(text) <= embedder.maxTokens()
                    ? List.of(text)
                    : chunker.chunk(text);
            ranges[i] = append(passages, pieces);
        }
        Embeddings embeddings = embedder.embed(passages, purpose);
        float[][] vectors = new float[texts.size()][];
        int[] tokens = new int[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            float[] mean = mean(embeddings.vectors(), ranges[i]);
            vectors[i] = mean == null ? new float[embedder.dimension()] : mean;
            for (int p = ranges[i][0]; p < ranges[i][1]; p++) {
                tokens[i] += embeddings.tokens()[p];
            }
        }
        return new Embeddings(vectors, tokens);
    }

    private static int[] append(List<String> passages, List<String> more) {
        int start = passages.size();
        passages.addAll(more);
        return new int[] {start, passages.size()};
    }

    private static float[] mean(float[][] vectors, int[] range) {
        if (range[1] == range[0]) {
            return null;
        }
        float[][] slice = java.util.Arrays.copyOfRange(vectors, range[0], range[1]);
        return Vectors.weightedMean(slice, null);
    }
}
