package io.newsdesk.generation.llm;

import io.newsdesk.core.ml.llm.ChatTemplate;
import io.newsdesk.core.problem.InvalidRequestException;
import io.newsdesk.generation.editor.ArchiveContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Grounds a chat in the newsroom's archive: the most relevant articles, numbered, go into the system message with
 * an instruction to cite them. As many citations as the model's context has room for are kept, best first, with
 * their passages, or with titles and dates alone when not even one passage fits.
 */
@ApplicationScoped
public class Grounding {

    static final String INSTRUCTION = "Answer from the numbered archive articles below and cite them by number, like [1]. "
            + "If they do not hold the answer, say so.";

    /** The messages with the archive in their system message, and the articles cited there. */
    public record Grounded(List<ChatTemplate.Message> messages, List<ArchiveContext.Citation> citations) {
    }

    private final ArchiveContext archive;
    private final CompletionService completions;

    public Grounding(ArchiveContext archive, CompletionService completions) {
        this.archive = archive;
        this.completions = completions;
    }

    public Grounded ground(String model, List<ChatTemplate.Message> messages, String query, int count, int maxTokens) {
        List<ArchiveContext.Citation> citations = archive.forQuery(query, count).citations();
        if (citations.isEmpty()) {
            return new Grounded(messages, List.of());
        }
        // whole passages first; a small context still gets the articles' titles and dates to cite
        for (boolean passages : new boolean[] {true, false}) {
            List<ArchiveContext.Citation> shown = passages ? citations : citations.stream().map(Grounding::titleOnly).toList();
            for (int kept = shown.size(); kept > 0; kept--) {
                List<ArchiveContext.Citation> cited = shown.subList(0, kept);
                List<ChatTemplate.Message> grounded = withSystem(messages, INSTRUCTION + "\n\n" + ArchiveContext.grounding(cited));
                if (completions.budget(model, grounded).fits(maxTokens)) {
                    return new Grounded(grounded, List.copyOf(citations.subList(0, kept)));
                }
            }
        }
        throw new InvalidRequestException("newsdesk_context: the model's context has no room for even one archive article "
                + "beside these messages and max_tokens; shorten them or ask for fewer tokens",
                List.of(new InvalidRequestException.FieldError("newsdesk_context", "no room in the model's context")));
    }

    private static ArchiveContext.Citation titleOnly(ArchiveContext.Citation c) {
        return new ArchiveContext.Citation(c.n(), c.id(), c.title(), c.section(), c.publishedAt(), c.url(), "", c.score());
    }

    /** The grounding joins the caller's system message, since some chat templates allow only one, first. */
    private static List<ChatTemplate.Message> withSystem(List<ChatTemplate.Message> messages, String grounding) {
        List<ChatTemplate.Message> result = new ArrayList<>(messages);
        if (!result.isEmpty() && result.get(0).role().equals("system")) {
            result.set(0, new ChatTemplate.Message("system", result.get(0).content() + "\n\n" + grounding));
        } else {
            result.add(0, new ChatTemplate.Message("system", grounding));
        }
        return result;
    }
}
