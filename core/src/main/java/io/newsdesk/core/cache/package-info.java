/** In-memory copies of database values that stay no older than the changes this process has seen. */
package io.newsdesk.core.cache;
