/**
 * Database bootstrap: creates the service's PostgreSQL database when it does not exist yet, then applies the
 * Flyway migrations of every module, before anything else touches the database.
 */
package io.newsdesk.core.db;
