package org.perch.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading the kernel's send queues of a server's sockets out of Linux's socket tables. */
class SocketQueuesTest {

    private static final List<String> TABLE = List.of(
            "  sl  local_address                         remote_address                        st tx_queue rx_queue",
            // the server (port 0x9C59 = 40025) to 127.0.0.101: 0x3A0000 bytes queued
            "   0: 0000000000000000FFFF00000100007F:9C59 0000000000000000FFFF00006500007F:D0F1 01 003A0000:00000000",
            // to 127.0.0.102: 0x100 bytes
            "   1: 0000000000000000FFFF00000100007F:9C59 0000000000000000FFFF00006600007F:D0F2 01 00000100:00000000",
            // to a well-behaved session's 127.0.0.1: not an attacker
            "   2: 0000000000000000FFFF00000100007F:9C59 0000000000000000FFFF00000100007F:D0F3 01 00005000:00000000",
            // another port
            "   3: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00006500007F:D0F4 01 00007000:00000000",
            // IPv4 table: the server to 127.0.0.101
            "   4: 0100007F:9C59 6500007F:D0F5 01 00000001:00000000");

    @Test
    void theServersQueuesToTheGivenPeersShouldBeSummed() throws Exception {
        Set<InetAddress> attackers = Set.of(InetAddress.getByName("127.0.0.101"), InetAddress.getByName("127.0.0.102"));

        assertThat(SocketQueues.sendQueue(TABLE, 40025, attackers)).isEqualTo(0x3A0000 + 0x100 + 1);
        assertThat(SocketQueues.sendQueue(TABLE, 40026, attackers)).isZero();
    }

    @Test
    void addressesShouldBeReadInTheTablesByteOrderAndIPv6OnesOtherThanMappedIgnored() throws Exception {
        assertThat(SocketQueues.ipv4("6500007F")).contains(InetAddress.getByName("127.0.0.101"));
        assertThat(SocketQueues.ipv4("0000000000000000FFFF00006500007F"))
                .contains(InetAddress.getByName("127.0.0.101"));
        assertThat(SocketQueues.ipv4("00000000000000000000000001000000")).isEmpty();
    }
}
