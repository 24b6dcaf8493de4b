package io.newsdesk.generation.taxonomy;

import io.newsdesk.core.problem.ProblemException;

/** A request named a section the taxonomy does not have. */
public class SectionNotFoundException extends ProblemException {

    public SectionNotFoundException(String name) {
        super("section-not-found", "Section not found", 404, "the taxonomy has no section '" + name + "'");
    }
}
