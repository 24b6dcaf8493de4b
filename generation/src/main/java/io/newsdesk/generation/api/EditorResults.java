package io.newsdesk.generation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.newsdesk.generation.editor.ArchiveContext;
import io.newsdesk.generation.editor.SectionTagger;
import io.newsdesk.generation.llm.LlmEditor;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What each editor tool answers, so the OpenAPI document shows every field a CMS can rely on. */
final class EditorResults {

    private EditorResults() {
    }

    /** Tokens a language model read and wrote; only in answers a model wrote. */
    @Schema(name = "EditorUsage")
    record Usage(@JsonProperty("prompt_tokens") int promptTokens, @JsonProperty("completion_tokens") int completionTokens) {

        static Usage of(LlmEditor.Written written) {
            return new Usage(written.promptTokens(), written.completionTokens());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "EditorSummary")
    record Summary(@Schema(description = "'extractive(...)' or 'llm:<model>'") String engine, String summary,
            @Schema(description = "The summary's sentences, in text order") List<String> sentences,
            @Schema(description = "Only when a model wrote the summary") Usage usage) {
    }

    @Schema(name = "EditorSeo")
    record Seo(String engine, @Schema(description = "At most 160 characters, cut at a word") String metaDescription,
            @Schema(description = "Lower-case ASCII words and hyphens (a title in another script keeps its "
                    + "own letters), at most 80 characters") String slug) {
    }

    @Schema(name = "EditorKeywords")
    record Keywords(String engine, @Schema(description = "Keyphrases of one to three words, best first") List<String> keywords,
            @Schema(description = "Capitalised names, most frequent first") List<String> entities) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "EditorHeadlines")
    record Headlines(String engine, List<String> headlines,
            @Schema(description = "Only when a model wrote the headlines") Usage usage) {
    }

    @Schema(name = "EditorTags")
    record Tags(String engine, @Schema(description = "The best section") SectionTagger.SectionScore section,
            @Schema(description = "The best sections with their scores; the scores of all sections sum to one")
            List<SectionTagger.SectionScore> sections,
            List<SectionTagger.TagScore> tags,
            @Schema(description = "'written' when the newsroom's taxonomy is written, 'article-sections' when the "
                    + "sections come from the filed articles") String taxonomy,
            @Schema(description = "How many filed articles the classifier learned from") int examples,
            @Schema(description = "The most similar filed articles, the evidence behind the suggestion (an article "
                    + "asked about by id is not among them)") List<SimilarArticle> similar) {
    }

    /** A filed article close to the text, with its section and cosine similarity. */
    @Schema(name = "EditorSimilarArticle")
    record SimilarArticle(String articleId, String title, String section, double similarity) {
    }

    @Schema(name = "EditorContext")
    record Context(String engine, @Schema(description = "Archive articles, numbered as the grounding cites them")
            List<ArchiveContext.Citation> citations,
            @Schema(description = "The citations as a block for a language model's prompt") String grounding) {
    }
}
