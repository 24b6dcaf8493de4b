/** The newsroom's editable taxonomy of sections, with the descriptions the tag tool classifies against. */
package io.newsdesk.generation.taxonomy;
