package io.newsdesk.recommend.picks;

import io.newsdesk.recommend.engine.Candidate;
import io.newsdesk.recommend.engine.CandidateSource;
import io.newsdesk.recommend.engine.ReaderContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code editor-picks}: the newsroom's picks, site-wide ones for everyone and section picks for readers who follow
 * or read that section, newest pick first; the editor's note is the reason shown.
 */
@ApplicationScoped
public class EditorPickSource implements CandidateSource {

    private final EditorPicks picks;

    public EditorPickSource(EditorPicks picks) {
        this.picks = picks;
    }

    @Override
    public String name() {
        return "editor-picks";
    }

    @Override
    public List<Candidate> candidates(ReaderContext reader, String section, int limit) {
        Set<String> sections = new LinkedHashSet<>(reader.followedSections());
        reader.sectionAffinity().keySet().stream().limit(3).forEach(sections::add);
        if (section != null) {
            sections = Set.of(section);
        }
        List<Candidate> candidates = new ArrayList<>();
        int rank = 0;
        for (EditorPick pick : picks.active(List.copyOf(sections))) {
            if (section != null && pick.section() != null && !section.equals(pick.section())) {
                continue;
            }
            String reason = pick.note() != null ? pick.note() : "picked by the editors";
            candidates.add(new Candidate(pick.articleId(), name(), 1.0 / ++rank, reason));
            if (candidates.size() == limit) {
                break;
            }
        }
        return candidates;
    }
}
