package org.perch.xmpp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.perch.xmpp.session.Connection.StreamError;
import org.perch.xmpp.stream.Namespaces;
import org.perch.xmpp.stream.OtherHost;
import org.perch.xmpp.stream.StreamErrorCondition;

/** A {@link StreamError} names another host exactly when its condition is {@code see-other-host}. */
class StreamErrorTest {

    @Test
    void seeOtherHostShouldCarryItsHostIntoTheElement() {
        StreamError error = StreamError.seeOtherHost(new OtherHost("127.0.0.2", 15222), "go there");

        assertThat(error.condition()).isEqualTo(StreamErrorCondition.SEE_OTHER_HOST);
        assertThat(error.element().childText("see-other-host", Namespaces.STREAM_ERRORS)).contains("127.0.0.2:15222");
        assertThat(error.element().childText("text", Namespaces.STREAM_ERRORS)).contains("go there");
    }

    @Test
    void onlySeeOtherHostShouldNameAHost() {
        assertThatThrownBy(() -> new StreamError(StreamErrorCondition.SEE_OTHER_HOST, "somewhere"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StreamError(StreamErrorCondition.SYSTEM_SHUTDOWN, "",
                Optional.of(new OtherHost("fe2.example.org", 5222)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new StreamError(StreamErrorCondition.SYSTEM_SHUTDOWN, null).element()
                .child("system-shutdown", Namespaces.STREAM_ERRORS)).hasValueSatisfying(c ->
                assertThat(c.children()).isEmpty());
    }
}
