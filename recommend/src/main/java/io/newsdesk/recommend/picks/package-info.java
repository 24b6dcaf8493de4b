/** Editor picks: articles the newsroom pushes into readers' feeds, site-wide or per section, for a while. */
package io.newsdesk.recommend.picks;
