package org.perch.domain.chat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.perch.core.Jid;
import org.perch.store.chat.ChatMessage;

/**
 * Which messages of a room Remove-CsPersistentChatMessage takes: by sender, by words in the text, by time (both
 * bounds inclusive). At least one criterion is needed, so that no mistyped command empties a room; clearing a
 * whole room is {@link ChatRooms#clearHistory}.
 *
 * @param user only messages this user sent
 * @param text words the message must contain, as {@code match} says
 * @param match how the words are matched
 * @param caseSensitive whether case matters (by default it does not, as in Lync)
 * @param start only messages stamped at or after this instant
 * @param end only messages stamped at or before this instant
 */
public record MessageSelection(Optional<Jid> user, Optional<String> text, Match match, boolean caseSensitive,
                               Optional<Instant> start, Optional<Instant> end) {

    /** Lync's -MatchClause: every word (the default), any word, or the text as one phrase. */
    public enum Match { ALL, ANY, EXACT }

    public MessageSelection {
        user = Objects.requireNonNull(user, "user").map(Jid::toBare);
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (text.isPresent() && text.get().isBlank()) {
            throw new IllegalArgumentException("the message text to match must not be blank");
        }
        if (user.isEmpty() && text.isEmpty() && start.isEmpty() && end.isEmpty()) {
            throw new IllegalArgumentException("say which messages: a user, a text, a start or an end date (to empty"
                    + " a whole room, clear it)");
        }
        if (start.isPresent() && end.isPresent() && start.get().isAfter(end.get())) {
            throw new IllegalArgumentException("the start date " + start.get() + " is after the end date "
                    + end.get());
        }
    }

    /** Whether the message's text matches; sender and time are left to the history query. */
    boolean textMatches(ChatMessage message) {
        if (text.isEmpty()) {
            return true;
        }
        String body = fold(message.body());
        String wanted = fold(text.get());
        if (match == Match.EXACT) {
            return body.contains(wanted);
        }
        List<String> words = Arrays.stream(wanted.trim().split("\\s+")).toList();
        return match == Match.ALL ? words.stream().allMatch(body::contains) : words.stream().anyMatch(body::contains);
    }

    private String fold(String s) {
        return caseSensitive ? s : s.toLowerCase(Locale.ROOT);
    }
}
