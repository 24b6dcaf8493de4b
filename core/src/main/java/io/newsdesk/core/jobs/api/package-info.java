/** REST resources to follow and cancel background jobs. */
package io.newsdesk.core.jobs.api;
