/**
 * Bulk import of articles from NDJSON, run as a durable job: one article per line in the shape of a PUT body plus
 * its {@code id}; a bad line is reported with its number and skipped, the others are stored.
 */
package io.newsdesk.core.content.importer;
