/** REST resources for article search and for the index's status and rebuild. */
package io.newsdesk.core.index.api;
