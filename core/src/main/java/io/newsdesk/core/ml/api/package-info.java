/** REST API of the model store: the registry administrators manage. */
package io.newsdesk.core.ml.api;
