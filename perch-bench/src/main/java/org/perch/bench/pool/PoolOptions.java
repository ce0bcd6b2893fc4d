package org.perch.bench.pool;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** {@link PoolDelivery}'s command line. */
record PoolOptions(List<Configuration> configurations, int rooms, int occupants, List<Integer> rates,
                   int warmupSeconds, int measureSeconds) {

    /** The doubling ladder from 100 msg/s; steps end at saturation long before its top. */
    static final List<Integer> LADDER = IntStream.range(0, 13).mapToObj(i -> 100 << i).toList();

    static final String USAGE = """
            usage: java -cp benchmarks.jar org.perch.bench.pool.PoolDelivery [OPTION VALUE]…
            Room messages through real servers, one configuration after another: for each offered rate, the messages/s
            that reached the rooms, post→delivery latency, and the CPU and database cost per message.
              --configs LIST  configurations, in the order measured: embedded = one server on its H2 store,
                              pool-N = N active servers of a pool over PostgreSQL  default: embedded,pool-1,pool-2
              --rooms R       rooms                                                default: 20
              --occupants M   occupants per room, each an account and connection  default: 10
              --rates LIST    offered messages/s over all rooms, a step each, until one saturates
                              (p99 > %.0f ms or under %.0f%% of the offered rate achieved)
                                                                                   default: 100,200,400,… (doubling)
              --warmup S      seconds of posting before each measured window       default: 5
              --measure S     seconds measured per step                            default: 20
              --help          this text
            """.formatted(StepResult.P99_LIMIT_MILLIS, StepResult.MIN_ACHIEVED_SHARE * 100);

    PoolOptions {
        configurations = List.copyOf(configurations);
        rates = List.copyOf(rates);
        if (configurations.isEmpty() || rates.isEmpty()) {
            throw new IllegalArgumentException("--configs and --rates need at least one value");
        }
        if (rooms < 1 || occupants < 1 || warmupSeconds < 0 || measureSeconds < 1
                || rates.stream().anyMatch(r -> r < 1)) {
            throw new IllegalArgumentException("--rooms, --occupants, --rates and --measure must be at least 1,"
                    + " --warmup at least 0");
        }
    }

    /** The options, or on {@code --help} the usage on standard output and exit 0; on an error, exit 2. */
    static PoolOptions parse(String[] args) {
        List<Configuration> configurations = List.of(Configuration.EMBEDDED, Configuration.parse("pool-1"),
                Configuration.parse("pool-2"));
        int rooms = 20;
        int occupants = 10;
        List<Integer> rates = LADDER;
        int warmup = 5;
        int measure = 20;
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--help") || args[i].equals("-h")) {
                    System.out.print(USAGE);
                    System.exit(0);
                }
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                String value = args[++i];
                switch (args[i - 1]) {
                    case "--configs" -> configurations = csv(value).stream().map(Configuration::parse).toList();
                    case "--rooms" -> rooms = Integer.parseInt(value);
                    case "--occupants" -> occupants = Integer.parseInt(value);
                    case "--rates" -> rates = csv(value).stream().map(Integer::parseInt).toList();
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--measure" -> measure = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
                }
            }
            return new PoolOptions(configurations, rooms, occupants, rates, warmup, measure);
        } catch (IllegalArgumentException e) {
            System.err.print("PoolDelivery: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            throw e;
        }
    }

    int accounts() {
        return rooms * occupants;
    }

    private static List<String> csv(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
