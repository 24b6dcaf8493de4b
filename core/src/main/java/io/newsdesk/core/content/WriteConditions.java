package io.newsdesk.core.content;

import java.util.List;

/**
 * Conditions on a write, from {@code If-Match} and {@code If-None-Match}.
 *
 * @param ifMatch        null when absent; empty for {@code *} (the article must exist); else versions it must be at
 * @param ifNoneMatchAny true for {@code If-None-Match: *}: create only, never overwrite
 */
public record WriteConditions(List<Long> ifMatch, boolean ifNoneMatchAny) {

    public static WriteConditions none() {
        return new WriteConditions(null, false);
    }

    void check(String id, Article existing) {
        if (ifNoneMatchAny && existing != null) {
            throw new PreconditionFailedException("article '" + id + "' already exists (If-None-Match: *)", existing.version);
        }
        if (ifMatch == null) {
            return;
        }
        if (existing == null) {
            throw new PreconditionFailedException("article '" + id + "' does not exist, so If-Match cannot hold", null);
        }
        if (!ifMatch.isEmpty() && !ifMatch.contains(existing.version)) {
            throw new PreconditionFailedException("article '" + id + "' is at version " + existing.version
                    + ", not " + ifMatch + "; GET it again and reapply your change", existing.version);
        }
    }
}
