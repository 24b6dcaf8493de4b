package io.newsdesk.generation.taxonomy;

import io.newsdesk.core.problem.ProblemException;

/** The tag tool was asked for a section while the newsroom has neither a taxonomy nor filed articles. */
public class EmptyTaxonomyException extends ProblemException {

    public EmptyTaxonomyException() {
        super("empty-taxonomy", "No sections to choose from", 409,
                "describe sections with PUT /api/editor/taxonomy/{name} or store articles in sections first");
    }
}
