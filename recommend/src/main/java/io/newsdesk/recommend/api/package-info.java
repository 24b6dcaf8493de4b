/** REST resources of the recommender: trending and related articles (the personalised feed follows). */
package io.newsdesk.recommend.api;
