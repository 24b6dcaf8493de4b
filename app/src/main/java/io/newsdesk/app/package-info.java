/**
 * The Quarkus application: assembles core and the capability modules into one service, and loads the demo
 * newsroom. Module rules (who may import whom) are checked by the ArchUnit test in this module.
 */
package io.newsdesk.app;
