/**
 * Speech: transcription of interviews and audio versions of articles. Depends on {@code io.newsdesk.core} only.
 * Empty until its issue is taken.
 */
package io.newsdesk.speech;
