/**
 * Topic feeds (Lync's topic feeds and alerts, spec §6): each user's filters of keywords, phrases, senders and
 * rooms, matched against every message stored in a room the user may read. A match is listed in the user's feed
 * and, when the filter asks for it, sent to the user at once as an alert. {@link org.perch.domain.feeds.TopicFeeds}
 * is the entry point; {@link org.perch.domain.feeds.FeedMatcher} follows history on its own thread, so matching
 * never delays a post.
 */
package org.perch.domain.feeds;
