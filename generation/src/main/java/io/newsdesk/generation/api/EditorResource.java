package io.newsdesk.generation.api;

import io.newsdesk.core.content.ArticleNotFoundException;
import io.newsdesk.core.content.ArticleService;
import io.newsdesk.core.content.ArticleSummary;
import io.newsdesk.core.content.ArticleView;
import io.newsdesk.core.embed.DocumentEmbedder;
import io.newsdesk.core.http.BodyLimit;
import io.newsdesk.core.index.IndexSync;
import io.newsdesk.core.problem.InvalidRequestException;
import io.newsdesk.generation.editor.ArchiveContext;
import io.newsdesk.generation.editor.ArchiveWordCasing;
import io.newsdesk.generation.editor.ExtractiveSummarizer;
import io.newsdesk.generation.editor.HeadlineWriter;
import io.newsdesk.generation.editor.KeyphraseExtractor;
import io.newsdesk.generation.editor.NamedEntities;
import io.newsdesk.generation.editor.SectionTagger;
import io.newsdesk.generation.editor.Sentences;
import io.newsdesk.generation.editor.SeoText;
import io.newsdesk.generation.llm.LlmEditor;
import io.newsdesk.generation.taxonomy.EmptyTaxonomyException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/editor")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Editor tools", description = "Writing help for editors; every answer names the engine that made it.")
public class EditorResource {

    static final long MAX_BODY_BYTES = 512 * 1024;
    /** The model name that asks for the extractive engine even when a default model is configured. */
    static final String EXTRACTIVE = "extractive";

    /** Control characters but line breaks and tabs. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]+");

    private final ExtractiveSummarizer summarizer;
    private final KeyphraseExtractor keyphrases;
    private final SectionTagger tagger;
    private final ArticleService articles;
    private final IndexSync index;
    private final DocumentEmbedder documents;
    private final ArchiveContext archive;
    private final LlmEditor llm;
    private final Optional<String> defaultModel;
    private final ArchiveWordCasing casing;

    public EditorResource(ExtractiveSummarizer summarizer, KeyphraseExtractor keyphrases, SectionTagger tagger,
            ArticleService articles, IndexSync index, DocumentEmbedder documents, ArchiveContext archive, LlmEditor llm,
            ArchiveWordCasing casing, @ConfigProperty(name = "newsdesk.editor.model") Optional<String> defaultModel) {
        this.casing = casing;
        this.archive = archive;
        this.llm = llm;
        this.defaultModel = defaultModel;
        this.summarizer = summarizer;
        this.keyphrases = keyphrases;
        this.tagger = tagger;
        this.articles = articles;
        this.index = index;
        this.documents = documents;
    }

    /**
     * What a request works on, read once: the title and text the tools take, the article's id (null for a text), and
     * the parts as the index embeds an article.
     */
    private record Source(String title, String text, String articleId, DocumentEmbedder.Document document) {

        boolean isArticle() {
            return articleId != null;
        }
    }

    @POST
    @Path("summarize")
    @BodyLimit(MAX_BODY_BYTES)
    @Operation(summary = "Summarize a text or an article",
            description = "Extractive: the most central sentences of the text with a lead bonus and no repetition (MMR on "
                    + "bge-small-en-v1.5 sentence vectors), in text order. Abstractive when a model is named (or "
                    + "newsdesk.editor.model is set): the registered chat model writes it, greedily, from the article cut "
                    + "to fit its context; engine 'llm:<model>' and the tokens used. Limits: text 100,000 characters, 1-10 "
                    + "sentences, 0-500 words, body 512 KiB, at most 400 generated tokens, newsdesk.generation.timeout.")
    @APIResponse(responseCode = "200", description = "The summary and the engine")
    @APIResponse(responseCode = "400", description = "Neither or both of text and articleId, or bad lengths")
    @APIResponse(responseCode = "404", description = "No such article or model")
    @APIResponse(responseCode = "504", description = "The model ran past the generation timeout")
    public EditorResults.Summary summarize(@Valid @NotNull EditorInput input) {
        Source source = source(input);
        int sentences = input.sentences() == null ? 3 : input.sentences();
        int words = input.words() == null ? 0 : input.words();
        Optional<String> model = model(input);
        if (model.isPresent()) {
            LlmEditor.Written written = llm.summary(model.get(), source.text(), sentences, words);
            return new EditorResults.Summary(written.engine(), written.text(), Sentences.of(written.text()),
                    EditorResults.Usage.of(written));
        }
        List<String> chosen = summarizer.summarize(source.text(), sentences, words);
        return new EditorResults.Summary(ExtractiveSummarizer.ENGINE, String.join(" ", chosen), chosen, null);
    }

    /** The model an abstractive tool writes with: the request's, else the configured one; empty for extractive. */
    private Optional<String> model(EditorInput input) {
        String model = input.model() != null && !input.model().isBlank() ? input.model() : defaultModel.orElse(null);
        return model == null || model.equals(EXTRACTIVE) ? Optional.empty() : Optional.of(model);
    }

    @POST
    @Path("seo")
    @BodyLimit(MAX_BODY_BYTES)
    @Operation(summary = "Meta description and slug",
            description = "The meta description (at most 160 characters, cut at a word) comes from the extractive "
                    + "summary's lead; the slug from the title (lower-case ASCII words and hyphens, accents "
                    + "dropped and letters such as ß and ø spelt out; a title in another script keeps its own letters; at "
                    + "most 80 characters). Limits as for summarize.")
    @APIResponse(responseCode = "200", description = "The SEO text and the engine")
    @APIResponse(responseCode = "400", description = "Neither or both of text and articleId")
    @APIResponse(responseCode = "404", description = "No such article")
    public EditorResults.Seo seo(@Valid @NotNull EditorInput input) {
        Source source = source(input);
        List<String> lead = summarizer.summarize(source.text(), 2, 40);
        String title = source.title() != null ? source.title() : lead.isEmpty() ? "" : lead.get(0);
        return new EditorResults.Seo(ExtractiveSummarizer.ENGINE, SeoText.description(String.join(" ", lead)), SeoText.slug(title));
    }

    @POST
    @Path("keywords")
    @BodyLimit(MAX_BODY_BYTES)
    @Operation(summary = "Keywords and entities",
            description = "Keyphrases of one to three words scored by similarity to the whole text on bge-small-en-v1.5 "
                    + "and picked with MMR for coverage; entities are names (runs of capitalised words, judged at a "
                    + "sentence's start and in title-case headlines by how the text and the archive write each word), most "
                    + "frequent first. Limits: text 100,000 characters, count 1-20 (default 10), body 512 KiB.")
    @APIResponse(responseCode = "200", description = "Keywords, entities and the engine")
    @APIResponse(responseCode = "400", description = "Neither or both of text and articleId")
    @APIResponse(responseCode = "404", description = "No such article")
    public EditorResults.Keywords keywords(@Valid @NotNull EditorInput input) {
        Source source = source(input);
        int count = input.count() == null ? 10 : input.count();
        return new EditorResults.Keywords(KeyphraseExtractor.ENGINE, keyphrases.keyphrases(source.text(), count),
                NamedEntities.find(source.text(), count, casing.current()));
    }

    @POST
    @Path("headlines")
    @BodyLimit(MAX_BODY_BYTES)
    @Operation(summary = "Headline candidates",
            description = "Extractive: the summary's sentences compressed (attribution, weekday and final stop removed, "
                    + "at most 90 characters). Generated when a model is named (or newsdesk.editor.model is set): one "
                    + "headline per line of the registered chat model's greedy answer, at most 32 tokens each. Limits: text "
                    + "100,000 characters, count 1-20 (default 3), body 512 KiB, newsdesk.generation.timeout.")
    @APIResponse(responseCode = "200", description = "Headlines and the engine")
    @APIResponse(responseCode = "400", description = "Neither or both of text and articleId")
    @APIResponse(responseCode = "404", description = "No such article or model")
    @APIResponse(responseCode = "504", description = "The model ran past the generation timeout")
    public EditorResults.Headlines headlines(@Valid @NotNull EditorInput input) {
        Source source = source(input);
        int count = input.count() == null ? 3 : input.count();
        Optional<String> model = model(input);
        if (model.isPresent()) {
            LlmEditor.Written written = llm.headlines(model.get(), source.text(), count);
            return new EditorResults.Headlines(written.engine(), llm.headlineLines(written, count), EditorResults.Usage.of(written));
        }
        return new EditorResults.Headlines(HeadlineWriter.ENGINE,
                HeadlineWriter.candidates(summarizer.summarize(source.text(), count + 2, 0), count), null);
    }

    @POST
    @Path("tags")
    @BodyLimit(MAX_BODY_BYTES)
    @Operation(summary = "Section and tags",
            description = "The best sections of the newsroom's taxonomy (GET /api/editor/taxonomy) for the text, mixing "
                    + "zero-shot similarity to each section's description with a linear discriminant and a 15-nearest-"
                    + "neighbour vote over the latest 20,000 filed articles, weighed by naive Bayes over their words; tags "
                    + "shared by at least two of the most similar archive articles, and the five most similar as evidence "
                    + "(an article asked about by id is not its own neighbour). Scores of all sections sum to one. "
                    + "Limits: text 100,000 characters, count "
                    + "1-20 tags (default 5), body 512 KiB.")
    @APIResponse(responseCode = "200", description = "Sections, tags and the engine")
    @APIResponse(responseCode = "400", description = "Neither or both of text and articleId")
    @APIResponse(responseCode = "404", description = "No such article")
    @APIResponse(responseCode = "409", description = "No taxonomy and no filed articles yet")
    public EditorResults.Tags tags(@Valid @NotNull EditorInput input) {
        Source source = source(input);
        String words = source.articleId() == null && source.title() != null ? source.title() + ". " + source.text() : source.text();
        SectionTagger.Suggestion suggestion = tagger.suggest(documentVector(source), words, 3, input.count() == null ? 5 : input.count(),
                source.isArticle() ? Set.of(source.articleId()) : Set.of());
        if (suggestion.sections().isEmpty()) {
            throw new EmptyTaxonomyException();
        }
        Map<String, ArticleSummary> summaries = articles.summaries(
                suggestion.similar().stream().map(SectionTagger.SimilarArticle::articleId).toList());
        List<EditorResults.SimilarArticle> similar = suggestion.similar().stream()
                .map(a -> new EditorResults.SimilarArticle(a.articleId(),
                        summaries.containsKey(a.articleId()) ? summaries.get(a.articleId()).title() : null,
                        a.section(), a.similarity())).toList();
        return new EditorResults.Tags(SectionTagger.ENGINE, suggestion.sections().get(0), suggestion.sections(), suggestion.tags(),
                suggestion.taxonomyWritten() ? "written" : "article-sections", suggestion.examples(), similar);
    }

    @POST
    @Path("context")
    @BodyLimit(MAX_BODY_BYTES)
    @Operation(summary = "Related archive articles, cited",
            description = "The archive articles most relevant to a question, a draft or an article, numbered [1], [2], ... "
                    + "with the passage that matched, and the same as a grounding block for a language model's prompt. "
                    + "Hybrid search (BM25 and vectors fused): a text of up to 500 characters is searched as a question, "
                    + "a longer one or an article by its title, keyphrases and document vector (an article never cites "
                    + "itself). Limits: text 100,000 characters, count 1-20 (default 5), body 512 KiB.")
    @APIResponse(responseCode = "200", description = "Citations, the grounding text and the engine")
    @APIResponse(responseCode = "400", description = "Neither or both of text and articleId")
    @APIResponse(responseCode = "404", description = "No such article")
    public EditorResults.Context context(@Valid @NotNull EditorInput input) {
        int count = input.count() == null ? 5 : input.count();
        Source source = source(input);
        ArchiveContext.Context context = !source.isArticle() && source.text().strip().length() <= ArchiveContext.MAX_QUERY_CHARS
                ? archive.forQuery(source.text(), count)
                : archive.forDocument(source.title(), source.text(), documentVector(source),
                        source.isArticle() ? Set.of(source.articleId()) : Set.of(), count);
        return new EditorResults.Context(ArchiveContext.ENGINE, context.citations(), context.grounding());
    }

    /** The article's indexed vector when it has one, else the document embedded the way the index embeds articles. */
    private float[] documentVector(Source source) {
        float[] cached = source.isArticle() ? index.documentVector(source.articleId()) : null;
        return cached != null ? cached : documents.embed(List.of(source.document())).vectors()[0];
    }

    /** Pasted text can carry control characters; they would end up in summaries, headlines and meta descriptions. */
    private static String withoutControlCharacters(String text) {
        return text == null ? null : CONTROL.matcher(text).replaceAll(" ");
    }

    private Source source(EditorInput input) {
        boolean hasText = input.text() != null && !input.text().isBlank();
        boolean hasArticle = input.articleId() != null && !input.articleId().isBlank();
        if (hasText == hasArticle) {
            throw new InvalidRequestException("send either text or articleId",
                    List.of(new InvalidRequestException.FieldError("text", "send either text or articleId, not both or neither")));
        }
        if (hasText) {
            String title = withoutControlCharacters(input.title());
            String text = withoutControlCharacters(input.text());
            return new Source(title, text, null, new DocumentEmbedder.Document(title, null, text));
        }
        ArticleView a = articles.find(input.articleId()).orElseThrow(() -> new ArticleNotFoundException(input.articleId()));
        String title = a.title().matches(".*[.!?]$") ? a.title() : a.title() + ".";
        String text = String.join("\n\n", title, a.standfirst() == null ? "" : a.standfirst(),
                a.bodyText() == null ? "" : a.bodyText());
        return new Source(a.title(), text, a.id(), new DocumentEmbedder.Document(a.title(), a.standfirst(), a.bodyText()));
    }
}
