package org.perch.xmpp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RFC 9110 §12.5.3 Accept-Encoding, for gzip")
class AcceptEncodingTest {

    @Test
    void gzipShouldBeSentWhenNamedOrCoveredByAnyWithAWeightAboveZero() {
        assertThat(AcceptEncoding.allowsGzip(List.of("gzip, deflate, br, zstd"))).isTrue();
        assertThat(AcceptEncoding.allowsGzip(List.of("br;q=1.0, GZIP;q=0.5"))).isTrue();
        assertThat(AcceptEncoding.allowsGzip(List.of("x-gzip"))).isTrue();
        assertThat(AcceptEncoding.allowsGzip(List.of("*"))).isTrue();
        assertThat(AcceptEncoding.allowsGzip(List.of("identity", "gzip ; q=0.1"))).as("over two header lines")
                .isTrue();
    }

    @Test
    void gzipShouldNotBeSentWhenAbsentRefusedOrUnreadable() {
        assertThat(AcceptEncoding.allowsGzip(List.of())).isFalse();
        assertThat(AcceptEncoding.allowsGzip(List.of(""))).isFalse();
        assertThat(AcceptEncoding.allowsGzip(List.of("identity, br"))).isFalse();
        assertThat(AcceptEncoding.allowsGzip(List.of("gzip;q=0"))).isFalse();
        assertThat(AcceptEncoding.allowsGzip(List.of("gzip;q=0.000, *"))).as("named refusal beats *").isFalse();
        assertThat(AcceptEncoding.allowsGzip(List.of("*;q=0"))).isFalse();
        assertThat(AcceptEncoding.allowsGzip(List.of("gzip;q=lots"))).isFalse();
    }
}
