/**
 * The demo newsroom loaded by {@code ./newsdesk serve}: original articles written for this project (resources
 * under {@code demo/}) and simulated readers whose event histories follow their interests.
 */
package io.newsdesk.app.demo;
