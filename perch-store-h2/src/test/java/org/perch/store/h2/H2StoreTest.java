package org.perch.store.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.Reader;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perch.core.Jid;
import org.perch.store.Store;
import org.perch.store.StoreException;

class H2StoreTest {

    @TempDir
    Path dataDir;

    @Test
    void openShouldKeepARandomPasswordInAnOwnerOnlyFileAndReuseIt() throws IOException {
        Path credentials = dataDir.resolve("store/credentials");
        H2Store.open(dataDir).close();
        String password = Files.readString(credentials);

        try (Store store = H2Store.open(dataDir)) {
            store.accounts().create(SecondProcess.account(Jid.of("alice@example.org")));
        }

        assertThat(password.strip()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(Files.readString(credentials)).isEqualTo(password);
        assumeThat(Files.getFileStore(credentials).supportsFileAttributeView("posix")).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
    }

    @Test
    void openShouldFailWithAStoreExceptionWhenThePasswordDoesNotMatch() throws IOException {
        H2Store.open(dataDir).close();
        Files.writeString(dataDir.resolve("store/credentials"), "not-the-password");

        assertThatThrownBy(() -> H2Store.open(dataDir)).isInstanceOf(StoreException.class)
                .hasMessageContaining("could not open the H2 store").hasMessageNotContaining("not-the-password");
    }

    @Test
    void twoFirstOpensAtOnceShouldAgreeOnOnePassword() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            List<Future<Store>> opens = List.of(executor.submit(() -> openAfter(start)),
                    executor.submit(() -> openAfter(start)));
            start.countDown();
            try (Store first = opens.get(0).get(60, TimeUnit.SECONDS);
                 Store second = opens.get(1).get(60, TimeUnit.SECONDS)) {
                first.accounts().create(SecondProcess.account(Jid.of("alice@example.org")));

                assertThat(second.accounts().list()).containsExactly(Jid.of("alice@example.org"));
            }
        } finally {
            executor.shutdownNow();
        }
        H2Store.open(dataDir).close();
    }

    private Store openAfter(CountDownLatch start) throws InterruptedException {
        start.await();
        return H2Store.open(dataDir);
    }

    @Test
    void closeShouldShutTheDatabaseDownAndReleaseItsLock() {
        Path lock = dataDir.resolve("store/perch.lock.db");
        Store store = H2Store.open(dataDir);
        assertThat(lock).exists();

        store.close();

        assertThat(lock).doesNotExist();
    }

    @Test
    void theAutomaticServerShouldListenOnLoopbackOnly() throws IOException {
        List<InetAddress> external = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .toList();
        try (Store store = H2Store.open(dataDir)) {
            int port = autoServerPort();

            try (Socket loopback = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertThat(loopback.isConnected()).isTrue();
            }
            assumeThat(external).as("a non-loopback IPv4 address to probe").isNotEmpty();
            for (InetAddress address : external) {
                assertThatThrownBy(() -> connect(address, port)).as("connect to %s:%d", address, port)
                        .isInstanceOf(ConnectException.class);
            }
        }
    }

    @Test
    void twoStoresOpenAtOnceInOneProcessShouldSeeEachOthersWrites() {
        Jid alice = Jid.of("alice@example.org");
        Jid bob = Jid.of("bob@example.org");
        try (Store first = H2Store.open(dataDir); Store second = H2Store.open(dataDir)) {
            first.accounts().create(SecondProcess.account(alice));
            second.accounts().create(SecondProcess.account(bob));

            assertThat(second.accounts().list()).containsExactly(alice, bob);
            assertThat(first.accounts().list()).containsExactly(alice, bob);
        }
    }

    @Test
    void aSecondProcessShouldReadAndWriteWhileTheStoreIsOpen() throws IOException, InterruptedException {
        Jid alice = Jid.of("alice@example.org");
        Jid bob = Jid.of("bob@example.org");
        Path output = dataDir.resolve("second-process.log");
        try (Store store = H2Store.open(dataDir)) {
            store.accounts().create(SecondProcess.account(alice));

            Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                    "-cp", System.getProperty("java.class.path"), SecondProcess.class.getName(),
                    dataDir.toString(), alice.toString(), bob.toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean exited = process.waitFor(60, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly();
            }

            assertThat(exited).as("second process finished").isTrue();
            assertThat(process.exitValue()).as("second process exit status; its output:%n%s",
                    Files.readString(output)).isZero();
            assertThat(store.accounts().find(bob)).contains(SecondProcess.account(bob));
            assertThat(store.accounts().list()).containsExactly(alice, bob);
        }
    }

    private int autoServerPort() throws IOException {
        Properties lock = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDir.resolve("store/perch.lock.db"))) {
            lock.load(reader);
        }
        String server = lock.getProperty("server");
        assertThat(server).as("AUTO_SERVER address in the lock file").isNotNull();
        return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 5_000);
        }
    }
}
