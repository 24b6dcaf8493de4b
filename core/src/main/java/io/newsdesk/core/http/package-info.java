/**
 * HTTP plumbing shared by every resource: opaque pagination cursors, entity tags for optimistic versioning,
 * request body limits enforced before a body is read, and JSON strings refused when the database could not store them.
 */
package io.newsdesk.core.http;
