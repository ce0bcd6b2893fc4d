package org.perch.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The abuse profile's command line: which attacks, their sizes and accounts, and the defaults it changes. */
class AbuseOptionsTest {

    @Test
    void withoutOptionsEveryAttackShouldRunInTheIssuesOrderAtItsDefaultSize() {
        LoadOptions options = LoadOptions.of("--profile", "abuse", "--start-perch");

        assertThat(options.abuse().attacks()).containsExactly(AttackKind.FLOOD, AttackKind.SLOW_READER,
                AttackKind.SLOWLORIS, AttackKind.OVERSIZE, AttackKind.MAM_EVERYTHING, AttackKind.CONNECTION_FLOOD);
        assertThat(options.abuse().size(AttackKind.SLOWLORIS)).isEqualTo(200);
        assertThat(options.abuse().attackSources()).isEqualTo("127.0.0.101-127.0.0.108");
        assertThat(options.rates().getFirst()).isEqualTo(0.5);
        // 100 well-behaved sessions from 4 addresses: 25 each, under Perch's 64 per address
        assertThat(options.sources()).isEqualTo("127.0.0.1-127.0.0.4");
        assertThat(options.sessionCount()).isEqualTo(100 + 4 + 10 + 4 + 4);
    }

    @Test
    void attacksShouldRunAsListedWithTheSizesGivenAndAccountsOnlyForThoseThatLogIn() {
        LoadOptions options = LoadOptions.of("--profile", "abuse", "--attacks", "mam-everything, slowloris,flood",
                "--attack-sizes", "flood=8,slowloris=50", "--rooms", "2", "--occupants", "5");

        assertThat(options.abuse().attacks()).containsExactly(AttackKind.MAM_EVERYTHING, AttackKind.SLOWLORIS,
                AttackKind.FLOOD);
        assertThat(options.abuse().size(AttackKind.FLOOD)).isEqualTo(8);
        assertThat(options.abuse().size(AttackKind.SLOWLORIS)).isEqualTo(50);
        assertThat(options.abuse().accounts()).isEqualTo(4 + 8);
        assertThat(options.abuse().firstAccount(AttackKind.MAM_EVERYTHING)).isZero();
        assertThat(options.abuse().firstAccount(AttackKind.FLOOD)).isEqualTo(4);
        assertThat(options.sessionCount()).isEqualTo(10 + 12);
    }

    @Test
    void otherProfilesShouldKeepTheirDefaults() {
        LoadOptions options = LoadOptions.of("--profile", "fanout");

        assertThat(options.sources()).isEqualTo("127.0.0.1");
        assertThat(options.sessionCount()).isEqualTo(100);
    }

    @Test
    void badAttackOptionsShouldBeRefusedWithAReason() {
        assertThatThrownBy(() -> LoadOptions.of("--profile", "abuse", "--attacks", "flood,teardrop"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("teardrop")
                .hasMessageContaining("slow-reader");
        assertThatThrownBy(() -> LoadOptions.of("--profile", "abuse", "--attacks", "flood,flood"))
                .hasMessageContaining("at most once");
        assertThatThrownBy(() -> LoadOptions.of("--profile", "abuse", "--attack-sizes", "flood"))
                .hasMessageContaining("name=N");
        assertThatThrownBy(() -> LoadOptions.of("--profile", "abuse", "--attack-sizes", "flood=many"))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> LoadOptions.of("--profile", "abuse", "--attack-sizes", "flood=0"))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> LoadOptions.of("--profile", "abuse", "--oversize-bytes", "100"))
                .hasMessageContaining("1024");
        assertThatThrownBy(() -> LoadOptions.of("--profile", "abuse", "--compare", "perch,prosody"))
                .hasMessageContaining("one server");
    }

    @Test
    void theOversizeStanzaShouldBeExactlyAsLargeAsAsked() {
        String stanza = OversizeAttack.stanza("localhost", AbuseOptions.DEFAULT_OVERSIZE_BYTES);

        assertThat(stanza.getBytes(StandardCharsets.UTF_8)).hasSize(300_000);
        assertThat(stanza).startsWith("<message to='localhost' type='chat'><body>xxx").endsWith("</body></message>");
    }
}
