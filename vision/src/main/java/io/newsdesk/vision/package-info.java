/**
 * Vision: OCR, image tags, enhancement, near-duplicate detection and smart crops. Depends on
 * {@code io.newsdesk.core} only. Empty until its issue is taken.
 */
package io.newsdesk.vision;
