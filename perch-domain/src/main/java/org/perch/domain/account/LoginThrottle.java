package org.perch.domain.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.perch.core.Jid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down password guessing. Failed logins are counted per account and per remote address; once a key has
 * reached its limit, logins for it are refused until {@code window} has passed since its last failure. A
 * successful login clears the account's count (not the address's: one right password from an address does not
 * excuse its other guesses).
 *
 * <p>Thread-safe. Memory is bounded: counts expire with the window and each table keeps at most {@value
 * #DEFAULT_CAPACITY} keys, dropping the oldest, so a flood of made-up names cannot exhaust the heap.
 */
public final class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    /** Failures allowed per account within the window, as the server configures it by default. */
    public static final int DEFAULT_MAX_FAILURES_PER_ACCOUNT = 5;
    /** Failures allowed per remote address within the window, as the server configures it by default. */
    public static final int DEFAULT_MAX_FAILURES_PER_ADDRESS = 20;
    /** The default window. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    /** Most keys kept per table. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final Clock clock;
    private final FailureCounter<Jid> accounts;
    private final FailureCounter<String> addresses;

    /** A throttle on the system clock. */
    public LoginThrottle(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration window) {
        this(maxFailuresPerAccount, maxFailuresPerAddress, window, Clock.systemUTC());
    }

    public LoginThrottle(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration window, Clock clock) {
        this(maxFailuresPerAccount, maxFailuresPerAddress, window, clock, DEFAULT_CAPACITY);
    }

    LoginThrottle(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration window, Clock clock,
                  int capacity) {
        if (maxFailuresPerAccount < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("failure limits must be at least 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.accounts = new FailureCounter<>(maxFailuresPerAccount, window, capacity);
        this.addresses = new FailureCounter<>(maxFailuresPerAddress, window, capacity);
    }

    /** The server's defaults: 5 failures per account, 20 per address, 5 minutes. */
    public static LoginThrottle withDefaults(Clock clock) {
        return new LoginThrottle(DEFAULT_MAX_FAILURES_PER_ACCOUNT, DEFAULT_MAX_FAILURES_PER_ADDRESS,
                DEFAULT_WINDOW, clock);
    }

    /**
     * Whether a password may be checked now for this account from this address. An empty address (unknown) is
     * not counted, so that unrelated clients do not lock each other out.
     */
    public synchronized boolean allowed(Jid account, String address) {
        var now = clock.instant();
        boolean addressLocked = hasAddress(address) && addresses.lockedOut(address, now);
        return !addressLocked && !accounts.lockedOut(account.toBare(), now);
    }

    /**
     * Records a failed login, and logs it (account and address, never what was tried): the line an operator, or a
     * tool such as fail2ban, watches for password guessing. The throttle bounds how many one address can cause.
     */
    public synchronized void failure(Jid account, String address) {
        LOG.info("Failed login for {} from {}", account.toBare(), hasAddress(address) ? address
                : "an unknown address");
        var now = clock.instant();
        accounts.failure(account.toBare(), now);
        if (hasAddress(address)) {
            addresses.failure(address, now);
        }
    }

    /** Records a successful login: the account's failures are forgotten. */
    public synchronized void success(Jid account, String address) {
        Objects.requireNonNull(address, "address");
        accounts.clear(account.toBare());
    }

    synchronized int trackedKeys() {
        return accounts.size() + addresses.size();
    }

    private static boolean hasAddress(String address) {
        return !Objects.requireNonNull(address, "address").isEmpty();
    }
}
