package io.newsdesk.core.content;

import io.newsdesk.core.problem.Problem;
import io.newsdesk.core.problem.ProblemException;

/** No article has this id. */
public class ArticleNotFoundException extends ProblemException {

    public ArticleNotFoundException(String id) {
        super(Problem.of("article-not-found", "Article not found", 404, "no article has id '" + id + "'")
                .with("articleId", id));
    }
}
