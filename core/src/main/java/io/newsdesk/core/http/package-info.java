/**
 * HTTP plumbing shared by every resource: opaque pagination cursors, entity tags for optimistic versioning, and
 * request body limits enforced before a body is read.
 */
package io.newsdesk.core.http;
