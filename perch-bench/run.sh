#!/usr/bin/env bash
# Perch store benchmarks (by hand only; no build or CI runs them).
#   perch-bench/run.sh [all|reads|search|persist|load|compliance|pool|loadgen|compare|parser|feeds|feedscost] [MESSAGES...]  default: all 1000000
#     load     make the datasets (MESSAGES messages in 1,000 rooms, kept in perch-bench/target/dataset-N)
#     reads    JMH: join-with-30 and MAM pages of 50, p50/p90/p99/p99.9 per call
#     search   JMH: full-text search, newest page of 50, across all rooms and in one (builds the index once)
#     persist  messages made durable per second: HistoryWriter with 1, 8, 64 posters; raw append, batch 1 and 512
#     all      the four, in that order
#     compliance   what compliance costs message throughput: HistoryWriter with 64 posters, compliance off and on
#              (capture + the compliance service moving and exporting), alternately, 3 rounds (not part of all)
#     pool     room messages through real servers (PoolDelivery): msg/s, delivery p50-p99 and CPU and database cost
#              per message, one server on H2, then one and two pool servers over PostgreSQL (the zonky binaries),
#              at a doubling rate until saturation (not part of all; MESSAGES unused; minutes per configuration)
#     loadgen  the XMPP load generator (LoadGenerator) with LOAD_OPTS, e.g. "--profile connections --sessions 2000
#              --rooms 50 --start-perch" (not part of all; MESSAGES unused; "load" is the datasets' part); profiles
#              connections, fanout, joinstorm, auditorium, lync, and abuse (hostile clients against well-behaved
#              traffic, issue 9: "--profile abuse --start-perch"; --attacks picks some of its six attacks)
#     compare  the load generator's profile against Perch, Prosody and ejabberd in turn, with a table of ratios
#              (LoadGenerator --compare perch,prosody,ejabberd plus COMPARE_OPTS, default "--profile fanout"); needs
#              Prosody and ejabberd running as ../shared/tools/peers/start-peers.sh starts them, and restarts
#              ejabberd once with two of its limits raised (see prepare_peers) (not part of all)
#     parser   JMH: a groupchat message parsed on an open stream, the parser's reader kept or shed after each read
#              (what idle connections' memory saving costs a busy one; not part of all; MESSAGES unused)
#     feeds    JMH: one stored message matched against every user's topic-feed filters, 1,000 and 100,000 users
#              of 5 filters, beside splitting its body into words (not part of all; MESSAGES unused)
#     feedscost    what topic feeds cost posting (FeedsCost): HistoryWriter with 64 posters on H2, without and with
#              10,000 users' filters matched by a running matcher, alternately; how far matching falls behind and
#              how fast it catches up (FEEDS_OPTS adds options; not part of all; MESSAGES unused)
# Environment: JMH_OPTS replaces the JMH settings (default: -wi 2 -i 3 -f 1 -w 5s -r 10s, short for a noisy
# 2-core box); PERSIST_OPTS adds PersistRate options (e.g. "--measure 60 --posters 1,8,64,256");
# COMPLIANCE_OPTS adds ComplianceCost options (e.g. "--rounds 5 --measure 60 --run-every 15");
# FEEDS_OPTS adds FeedsCost options (e.g. "--users 100000 --watchers 0 --rounds 3");
# POOL_OPTS adds PoolDelivery options (e.g. "--configs pool-2 --rooms 40 --rates 400,800"; --help lists them all);
# LOAD_OPTS gives LoadGenerator its options (COMPARE_OPTS for compare) (default: "--profile connections --start-perch"; --help lists them all);
# PERCH_BENCH_FRESH_PEERS=1 (compare) starts Prosody and ejabberd again on empty data first (see restart_peers);
# PERCH_BENCH_MAX_LOAD=1.5 waits (up to 15 min) for the 1-minute load average to drop below it before each part;
# PERCH_BENCH_DATA moves the datasets; PERCH_BENCH_COMPACT=false keeps a loaded dataset uncompacted.
# Finds a JDK 21 or newer the way ./perch does. Needs the other modules in ~/.m2 (./perch build) to build.
set -euo pipefail

readonly MIN_JAVA=21
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly HERE
ROOT="$(dirname "$HERE")"
readonly ROOT
readonly JAR="$HERE/target/benchmarks.jar"
readonly RESULTS="$HERE/target/results"

die() {
  printf 'run.sh: %s\n' "$*" >&2
  exit 1
}

# --- JDK discovery, as in ../perch ---
jdk_major() {
  local home="$1" line version
  [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 1
  line="$("$home/bin/java" -XshowSettings:properties -version 2>&1 | grep -m1 'java.specification.version = ')" \
    || return 1
  version="${line##*= }"
  version="${version%%.*}"
  [[ "$version" =~ ^[0-9]+$ ]] || return 1
  printf '%s\n' "$version"
}

newest_jdk() {
  local home major best="" best_major=0
  for home in "$@"; do
    major="$(jdk_major "$home")" || continue
    if (( major >= MIN_JAVA && major > best_major )); then
      best="$home"
      best_major="$major"
    fi
  done
  [[ -n "$best" ]] && printf '%s\n' "$best"
}

find_jdk() {
  local major java_on_path
  if [[ -n "${JAVA_HOME:-}" ]] && major="$(jdk_major "$JAVA_HOME")" && (( major >= MIN_JAVA )); then
    printf '%s\n' "$JAVA_HOME"
    return 0
  fi
  newest_jdk /usr/lib/jvm/* && return 0
  newest_jdk /usr/local/*jdk* /opt/*jdk* && return 0
  newest_jdk "$HOME"/.sdkman/candidates/java/* && return 0
  newest_jdk /Library/Java/JavaVirtualMachines/*/Contents/Home && return 0
  if java_on_path="$(command -v java)"; then
    newest_jdk "$(dirname "$(dirname "$(readlink -f "$java_on_path")")")" && return 0
  fi
  return 1
}

JAVA_HOME="$(find_jdk)" || die "no JDK $MIN_JAVA or newer found (looked at JAVA_HOME, /usr/lib/jvm, /usr/local/*jdk*, /opt/*jdk*, ~/.sdkman/candidates/java, /Library/Java/JavaVirtualMachines, PATH)"
export JAVA_HOME
readonly JAVA="$JAVA_HOME/bin/java"

# --- build the benchmarks jar when it is missing or older than the module's sources ---
if [[ ! -f "$JAR" || -n "$(find "$HERE/pom.xml" "$HERE/src" -newer "$JAR" -print -quit)" ]]; then
  printf 'run.sh: building perch-bench…\n'
  (cd "$ROOT" && { ./mvnw -B -q -o package -pl perch-bench || ./mvnw -B -q package -pl perch-bench; }) \
    || die "the build failed; are the other modules installed (./perch build)?"
fi

kind="${1:-all}"
[[ $# -gt 0 ]] && shift
case "$kind" in all|reads|search|persist|load|compliance|pool|loadgen|compare|parser|feeds|feedscost) ;; *) die "unknown part '$kind' (all, reads, search, persist, load, compliance, pool, loadgen, compare, parser, feeds or feedscost)" ;; esac
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000000)
read -r -a jmh_opts <<< "${JMH_OPTS:--wi 2 -i 3 -f 1 -w 5s -r 10s}"
read -r -a persist_opts <<< "${PERSIST_OPTS:-}"
read -r -a compliance_opts <<< "${COMPLIANCE_OPTS:-}"
read -r -a feeds_opts <<< "${FEEDS_OPTS:-}"
read -r -a pool_opts <<< "${POOL_OPTS:-}"
read -r -a load_opts <<< "${LOAD_OPTS:---profile connections --start-perch}"
read -r -a compare_opts <<< "${COMPARE_OPTS:---profile fanout}"

mkdir -p "$RESULTS"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"

wait_for_quiet() {
  local max="${PERCH_BENCH_MAX_LOAD:-}" waited=0 load
  [[ -n "$max" ]] || return 0
  while load="$(cut -d' ' -f1 /proc/loadavg)"; awk -v l="$load" -v m="$max" 'BEGIN { exit !(l >= m) }'; do
    if (( waited >= 900 )); then
      printf 'run.sh: load average still %s after 15 min; running anyway\n' "$load"
      return 0
    fi
    printf 'run.sh: load average %s ≥ %s; waiting…\n' "$load" "$max"
    sleep 30
    waited=$((waited + 30))
  done
}

# Prosody and ejabberd as ../shared/tools/peers/start-peers.sh runs them. Two of ejabberd's defaults would measure
# the defaults rather than the server, so the bench changes them in the running ejabberd's configuration and restarts
# it: in-band registration (how the generator makes its accounts) is allowed once per address every 10 minutes
# (registration_timeout: infinity lifts that), and its c2s listener's accept backlog is 5 connections, which drops
# logins arriving together (backlog: 1024; Prosody's is 128, Perch's the kernel's maximum).
readonly EJABBERD_CONFIG=/tmp/peers/ejabberd/ejabberd.yml
readonly EJABBERDCTL=(runuser -u ejabberd -- /usr/sbin/ejabberdctl --config-dir /tmp/peers/ejabberd
  --ctl-config /tmp/peers/ejabberd/ctl.cfg --logs /tmp/peers/ejabberd/log --spool /tmp/peers/ejabberd/db)
readonly PEERS_SCRIPT="${PEERS_SCRIPT:-$ROOT/../shared/tools/peers/start-peers.sh}"

# Prosody and ejabberd start again through start-peers.sh: from empty data directories with
# PERCH_BENCH_FRESH_PEERS=1 (the Perch of each run starts empty too; the peers' archives otherwise grow with every
# run, ejabberd's in one Mnesia table for all rooms, and slow them down from one run to the next; the generator
# registers its accounts again), and whenever their open-files limit is below what a JVM gives itself.
restart_peers() {
  local wipe="$1" i
  [[ -f "$PEERS_SCRIPT" ]] || die "no $PEERS_SCRIPT to start Prosody and ejabberd again (set PEERS_SCRIPT)"
  printf 'run.sh: starting Prosody and ejabberd again%s…\n' "$([[ "$wipe" == true ]] && printf ' on empty data')"
  [[ -f /tmp/peers/prosody/prosody.pid ]] && kill "$(cat /tmp/peers/prosody/prosody.pid)" 2>/dev/null || true
  "${EJABBERDCTL[@]}" stop >/dev/null 2>&1 || true
  for i in $(seq 1 60); do
    pgrep -u prosody >/dev/null || pgrep -u ejabberd beam.smp >/dev/null || break
    sleep 1
  done
  if [[ "$wipe" == true ]]; then
    rm -rf /tmp/peers/prosody/data /tmp/peers/ejabberd/db
  fi
  bash "$PEERS_SCRIPT" >/dev/null || die "$PEERS_SCRIPT failed"
}

# A JVM raises its open-files limit to the hard limit by itself; Prosody and ejabberd keep the soft limit runuser's
# PAM session gives them (1024), which refuses sessions past a thousand. As root, the bench gives their users the
# hard limit in /etc/security/limits.d, so that their next start has it.
readonly PEERS_LIMITS=/etc/security/limits.d/90-perch-bench-peers.conf
peers_file_limit_low() {
  local pid wanted
  wanted="$(ulimit -Hn)"
  if [[ ! -f "$PEERS_LIMITS" ]]; then
    [[ "$(id -u)" == 0 ]] \
      || die "Prosody and ejabberd may open only 1024 files; run.sh raises that in $PEERS_LIMITS when run as root"
    printf 'prosody soft nofile %s\nprosody hard nofile %s\nejabberd soft nofile %s\nejabberd hard nofile %s\n' \
      "$wanted" "$wanted" "$wanted" "$wanted" > "$PEERS_LIMITS"
    printf 'run.sh: wrote %s (open files for the prosody and ejabberd users: %s)\n' "$PEERS_LIMITS" "$wanted"
  fi
  for pid in $(cat /tmp/peers/prosody/prosody.pid 2>/dev/null) $(pgrep -u ejabberd beam.smp); do
    if (( $(awk '/^Max open files/ { print $4 }' "/proc/$pid/limits") < wanted )); then
      return 0
    fi
  done
  return 1
}

prepare_peers() {
  local low=false
  if peers_file_limit_low; then
    low=true
  fi
  if [[ "${PERCH_BENCH_FRESH_PEERS:-}" == 1 ]]; then
    restart_peers true
  elif [[ "$low" == true ]]; then
    restart_peers false
  fi
  [[ -f "$EJABBERD_CONFIG" ]] \
    || die "Prosody and ejabberd are not set up here: run ../shared/tools/peers/start-peers.sh first (see docs/benchmarks.md)"
  local changed=false i
  if ! grep -q '^registration_timeout:' "$EJABBERD_CONFIG"; then
    printf '\nregistration_timeout: infinity\n' >> "$EJABBERD_CONFIG"
    changed=true
  fi
  if ! grep -q '^    backlog:' "$EJABBERD_CONFIG"; then
    sed -i 's/^\(    module: ejabberd_c2s\)$/\1\n    backlog: 1024/' "$EJABBERD_CONFIG"
    changed=true
  fi
  if [[ "$changed" == true ]]; then
    printf 'run.sh: restarting ejabberd with registration_timeout: infinity and backlog: 1024…\n'
    # A whole new node, not "restart" (which restarts inside the running one and once lost its listener).
    "${EJABBERDCTL[@]}" stop >/dev/null 2>&1 || true
    for i in $(seq 1 60); do
      pgrep -u ejabberd beam.smp >/dev/null || break
      sleep 1
    done
    "${EJABBERDCTL[@]}" start >/dev/null 2>&1 || die "could not start ejabberd again with the bench's settings"
    "${EJABBERDCTL[@]}" started >/dev/null 2>&1 || die "ejabberd did not finish starting"
    for i in $(seq 1 60); do
      ss -ltn | grep -q ':25222 ' && break
      sleep 1
    done
    ss -ltn | grep -q ':25222 ' || die "ejabberd did not listen on 25222 again within 60 s of its start"
  fi
}

note() {
  printf '\n=== %s — %s; load average %s\n' "$*" "$(date -u +%H:%M:%SZ)" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

for n in "${sizes[@]}"; do
  if [[ "$kind" == load || "$kind" == all ]]; then
    note "dataset of $n messages"
    "$JAVA" -cp "$JAR" org.perch.bench.Dataset "$n" | tee "$RESULTS/$stamp-load-$n.txt"
  fi
  if [[ "$kind" == reads || "$kind" == all ]]; then
    wait_for_quiet
    note "reads, $n messages (JMH ${jmh_opts[*]})"
    "$JAVA" -jar "$JAR" HistoryReadBenchmark -p "messages=$n" "${jmh_opts[@]}" \
      -rf json -rff "$RESULTS/$stamp-reads-$n.json" | tee "$RESULTS/$stamp-reads-$n.txt"
  fi
  if [[ "$kind" == search || "$kind" == all ]]; then
    wait_for_quiet
    note "search, $n messages (JMH ${jmh_opts[*]})"
    "$JAVA" -jar "$JAR" SearchBenchmark -p "messages=$n" "${jmh_opts[@]}" -jvmArgsAppend --enable-native-access=ALL-UNNAMED \
      -rf json -rff "$RESULTS/$stamp-search-$n.json" | tee "$RESULTS/$stamp-search-$n.txt"
  fi
  if [[ "$kind" == persist || "$kind" == all ]]; then
    wait_for_quiet
    note "persist rate, $n messages"
    "$JAVA" -cp "$JAR" org.perch.bench.PersistRate --messages "$n" "${persist_opts[@]}" \
      | tee "$RESULTS/$stamp-persist-$n.txt"
  fi
  if [[ "$kind" == compliance ]]; then
    wait_for_quiet
    note "compliance cost, $n messages"
    "$JAVA" -cp "$JAR" org.perch.bench.ComplianceCost --messages "$n" "${compliance_opts[@]}" \
      | tee "$RESULTS/$stamp-compliance-$n.txt"
  fi
done
if [[ "$kind" == pool ]]; then
  wait_for_quiet
  note "pool delivery"
  "$JAVA" -cp "$JAR" org.perch.bench.pool.PoolDelivery "${pool_opts[@]}" | tee "$RESULTS/$stamp-pool.txt"
fi
if [[ "$kind" == parser ]]; then
  wait_for_quiet
  note "stream parser (JMH ${jmh_opts[*]})"
  "$JAVA" -jar "$JAR" StreamParserBenchmark "${jmh_opts[@]}" -rf json -rff "$RESULTS/$stamp-parser.json" \
    | tee "$RESULTS/$stamp-parser.txt"
fi
if [[ "$kind" == feeds ]]; then
  wait_for_quiet
  note "topic-feed matching (JMH ${jmh_opts[*]})"
  "$JAVA" -jar "$JAR" TopicFeedMatchBenchmark "${jmh_opts[@]}" -rf json -rff "$RESULTS/$stamp-feeds.json" \
    | tee "$RESULTS/$stamp-feeds.txt"
fi
if [[ "$kind" == feedscost ]]; then
  wait_for_quiet
  note "what topic feeds cost posting"
  "$JAVA" -cp "$JAR" org.perch.bench.FeedsCost "${feeds_opts[@]}" | tee "$RESULTS/$stamp-feedscost.txt"
fi
if [[ "$kind" == loadgen ]]; then
  wait_for_quiet
  note "XMPP load generator"
  "$JAVA" -cp "$JAR" org.perch.bench.load.LoadGenerator "${load_opts[@]}" --json "$RESULTS/$stamp-loadgen.json" \
    | tee "$RESULTS/$stamp-loadgen.txt"
fi
if [[ "$kind" == compare ]]; then
  prepare_peers
  wait_for_quiet
  note "side by side: Perch, Prosody, ejabberd"
  "$JAVA" -cp "$JAR" org.perch.bench.load.LoadGenerator --compare perch,prosody,ejabberd "${compare_opts[@]}" \
    --json "$RESULTS/$stamp-compare" | tee "$RESULTS/$stamp-compare.txt"
fi
note "done"
printf 'run.sh: results in %s/%s-*\n' "$RESULTS" "$stamp"
