package io.newsdesk.generation.editor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Multinomial naive Bayes over the words of tagged articles (Lucene's English analysis: stop words dropped, stems
 * kept): the lexical evidence a sentence vector blurs, such as a league's name or a recipe's ingredients. The
 * posterior is tempered by the text's length, so a long article does not drown the other signals in confidence
 * that independence between its words does not earn.
 */
final class WordNaiveBayes {

    /** Lidstone smoothing: a word unseen in a section counts as a tenth of an occurrence. */
    static final double SMOOTHING = 0.1;

    private static final Analyzer ANALYZER = new EnglishAnalyzer();

    private final int classes;
    private final Map<String, int[]> counts = new HashMap<>();
    private final long[] totals;
    private final double[] logPriors;
    /** Per class, the log of its smoothed word total: every word's likelihood in the class divides by it. */
    private double[] logDenominators;

    private WordNaiveBayes(int classes) {
        this.classes = classes;
        this.totals = new long[classes];
        this.logPriors = new double[classes];
    }

    /** Counts the words of each text under its class; classes without texts are left out of the posterior. */
    static WordNaiveBayes fit(List<String> texts, int[] labels, int classes) {
        if (texts.size() != labels.length) {
            throw new IllegalArgumentException("one label per text is required");
        }
        WordNaiveBayes model = new WordNaiveBayes(classes);
        int[] documents = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i];
            documents[label]++;
            for (Map.Entry<String, Integer> word : words(texts.get(i)).entrySet()) {
                model.counts.computeIfAbsent(word.getKey(), w -> new int[classes])[label] += word.getValue();
                model.totals[label] += word.getValue();
            }
        }
        model.logDenominators = new double[classes];
        for (int c = 0; c < classes; c++) {
            model.logPriors[c] = documents[c] == 0 ? Double.NEGATIVE_INFINITY : Math.log((double) documents[c] / labels.length);
            model.logDenominators[c] = Math.log(model.totals[c] + SMOOTHING * model.counts.size());
        }
        return model;
    }

    /**
     * The posterior over the classes, each word's log-likelihood scaled by {@code strength / words}: the evidence of
     * a text counts as {@code strength} words whatever its length. Uniform over the classes with texts when the text
     * has no known word.
     */
    double[] probabilities(String text, double strength) {
        Map<String, Integer> words = words(text);
        int known = 0;
        for (Map.Entry<String, Integer> word : words.entrySet()) {
            known += counts.containsKey(word.getKey()) ? word.getValue() : 0;
        }
        double[] log = new double[classes];
        for (int c = 0; c < classes; c++) {
            if (logPriors[c] == Double.NEGATIVE_INFINITY) {
                log[c] = Double.NEGATIVE_INFINITY;
                continue;
            }
            double likelihood = 0;
            for (Map.Entry<String, Integer> word : words.entrySet()) {
                int[] byClass = counts.get(word.getKey());
                if (byClass != null) {
                    likelihood += word.getValue() * (Math.log(byClass[c] + SMOOTHING) - logDenominators[c]);
                }
            }
            log[c] = known == 0 ? 0 : likelihood * strength / known;
        }
        return softmax(log);
    }

    private static double[] softmax(double[] log) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : log) {
            max = Math.max(max, v);
        }
        double[] p = new double[log.length];
        double total = 0;
        for (int c = 0; c < log.length; c++) {
            p[c] = Math.exp(log[c] - max);
            total += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= total;
        }
        return p;
    }

    /** The text's analysed words with their counts. */
    static Map<String, Integer> words(String text) {
        Map<String, Integer> words = new HashMap<>();
        if (text == null || text.isBlank()) {
            return words;
        }
        try (TokenStream tokens = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.merge(term.toString(), 1, Integer::sum);
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a text in memory failed", e);
        }
        return words;
    }
}
