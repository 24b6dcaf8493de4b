package io.newsdesk.recommend.eval;

import io.newsdesk.recommend.engine.Interactions;

/** Train, validation and test interactions over the same ids; a user's items are in exactly one of them. */
public record Split(String protocol, long seed, Interactions train, Interactions valid, Interactions test) {
}
