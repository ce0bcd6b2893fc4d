package org.perch.xmpp.muc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.perch.domain.chat.ChatException;
import org.perch.store.StoreException;
import org.perch.store.StoreUnavailableException;
import org.perch.xmpp.stanza.StanzaErrorCondition;
import org.perch.xmpp.stanza.StanzaException;

/** What the sender of a message that was not stored is told. */
class ChatErrorsTest {

    @Test
    void aFullHistoryQueueShouldAskTheSenderToTryAgainLater() {
        StanzaException error = ChatErrors.storeFailed(new CompletionException(
                new ChatException(ChatException.Reason.BUSY, "too many messages waiting to be stored; try again")));

        assertThat(error.condition()).isEqualTo(StanzaErrorCondition.RESOURCE_CONSTRAINT);
        assertThat(error.condition().defaultType()).isEqualTo("wait");
        assertThat(error.getMessage()).contains("try again");
    }

    @Test
    void aFailingStoreShouldBeAnInternalErrorThatSaysNothingWasDelivered() {
        StanzaException error = ChatErrors.storeFailed(new StoreException("disk full", new RuntimeException()));

        assertThat(error.condition()).isEqualTo(StanzaErrorCondition.INTERNAL_SERVER_ERROR);
        assertThat(error.getMessage()).isEqualTo("the message could not be stored, so it was not delivered");
    }

    @Test
    void aStoreThatCannotBeReachedShouldAskTheSenderToTryAgainLater() {
        StanzaException error = ChatErrors.storeFailed(new CompletionException(new StoreUnavailableException(
                "could not store messages (SQLState 08006, error 0)", new RuntimeException())));

        assertThat(error.condition()).isEqualTo(StanzaErrorCondition.RESOURCE_CONSTRAINT);
        assertThat(error.condition().defaultType()).isEqualTo("wait");
        assertThat(error.getMessage()).contains("try again");
    }
}
