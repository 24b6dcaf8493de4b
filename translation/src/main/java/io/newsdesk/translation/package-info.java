/**
 * Translation: language detection and machine translation of articles. Depends on {@code io.newsdesk.core} only.
 * Empty until its issue is taken.
 */
package io.newsdesk.translation;
