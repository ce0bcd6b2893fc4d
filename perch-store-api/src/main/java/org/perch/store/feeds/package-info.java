/**
 * The store side of topic feeds: each account's filters ({@link org.perch.store.feeds.TopicFilter}) and the feed
 * of messages they matched ({@link org.perch.store.feeds.FeedEntry}), newest first. An entry points at a message
 * in room history by room and stanza-id and copies none of its text, so a retraction or a purge reaches the feed
 * too. What a filter may hold and what it matches is decided by the domain.
 */
package org.perch.store.feeds;
