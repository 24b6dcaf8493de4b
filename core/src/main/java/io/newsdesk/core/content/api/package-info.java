/**
 * REST resources for articles, article imports, reader events and reader histories, with their OpenAPI
 * descriptions. Resources validate and translate HTTP (headers, status codes); the work is in the services of
 * {@code io.newsdesk.core.content}.
 */
package io.newsdesk.core.content.api;
