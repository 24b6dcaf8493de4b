package io.newsdesk.core.embed;

/**
 * Vectors for a list of texts, in the order the texts were given, with the tokens each text took.
 *
 * @param vectors one unit-length vector per text
 * @param tokens  tokens per text, special tokens included
 */
public record Embeddings(float[][] vectors, int[] tokens) {

    public int totalTokens() {
        int sum = 0;
        for (int t : tokens) {
            sum += t;
        }
        return sum;
    }
}
