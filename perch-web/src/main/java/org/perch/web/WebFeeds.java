package org.perch.web;

import java.util.Objects;
import java.util.Optional;
import org.perch.domain.feeds.TopicFeeds;
import org.perch.domain.files.FileSharing;

/**
 * Topic feeds as the page offers them: the users' filters and feeds, and, when the server shares files, what makes
 * a file link in a feed entry the reader's own (ADR 0007), as the archive does over XMPP.
 *
 * @param feeds the topic feeds, with the signed-in user as owner of every filter and feed asked for
 * @param files file sharing, if on: messages keep canonical file links, which only work once made per reader
 */
public record WebFeeds(TopicFeeds feeds, Optional<FileSharing> files) {
    public WebFeeds {
        Objects.requireNonNull(feeds, "feeds");
        Objects.requireNonNull(files, "files");
    }
}
