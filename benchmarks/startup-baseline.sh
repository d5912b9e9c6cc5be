#!/usr/bin/env bash
# Start-up against the real baseline: the CPU time the demo's JVM takes to refresh its context, with the starter and
# without any handle-hygiene jar on the class path at all. --handle-hygiene.enabled=false is no baseline: with it the
# starter's classes still load and its conditions still run.
#
#   ./mvnw -B -o -q -DskipTests clean package -pl demo-app -am
#   bash benchmarks/startup-baseline.sh                                  # the jar just built, and the same without
#   bash benchmarks/startup-baseline.sh before=/tmp/before.jar after=demo-app/target/handle-hygiene-demo.jar
#
# Each argument NAME=JAR is one variant with the starter (default: with=demo-app/target/handle-hygiene-demo.jar).
# The baseline is the first jar unpacked without its handle-hygiene-* jars: the demo's own classes name none of the
# starter's types (checked below), so the same classes start without it. Every round starts each variant once, one
# JVM at a time, in an order that rotates from round to round, PAIRS rounds (12 by default).
#
# Each JVM runs with -Dspring.context.exit=onRefresh: Spring Framework's DefaultLifecycleProcessor halts the JVM
# (Runtime.halt(0)) once the context is refreshed, every singleton created, before any Lifecycle bean starts: the
# web servers never bind their ports and the management context is never made. So the figure is the refresh: the
# environment (the starter's safe defaults among it), the parse, the conditions and the singletons, with nothing
# the demo does after it. CPU is user + system time of the JVM as the kernel accounts it (the shell's `times`, once
# the JVM has exited), which does not count the time the JVM waits for a core other processes hold. A JVM that
# exits other than through that halt (a failed start) stops the script.
#
# Not a test: a measurement for people. Starts only its own JVMs and waits for each to exit.
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/startup/demo.sh

pairs=${PAIRS:-12}
[ $# -gt 0 ] || set -- with=demo-app/target/handle-hygiene-demo.jar
names=(without); classpaths=(); dirs=(); results=
trap 'rm -rf "${dirs[@]}" ${results:+"$results" "$results".*}' EXIT
for variant in "$@"; do
	[[ $variant == *=* ]] || { echo "give each jar as NAME=JAR, not $variant" >&2; exit 1; }
	unpack_demo "${variant#*=}" startup-baseline
	dirs+=("$work")
	names+=("${variant%%=*}")
	classpaths+=("$(classpath_of "$work")")
done
classpaths=("$(classpath_of "${dirs[0]}" without-starter)" "${classpaths[@]}")
if grep -raoh 'dev/handlehygiene/[a-z]*/' "${dirs[0]}/BOOT-INF/classes" | grep -qv '^dev/handlehygiene/demo/$'; then
	echo "the demo's classes name a type of the starter: they may not start without it" >&2
	exit 1
fi

# Ports the other scripts (18080, 18081) do not use. They are set only in case a JVM got further than the refresh.
arguments=(--server.address=127.0.0.1 --server.port=18090 --management.server.address=127.0.0.1
	--management.server.port=18091 --logging.level.root=WARN)
results=$(mktemp "${TMPDIR:-/tmp}/startup-baseline.XXXXXX")

# run_demo CLASSPATH: starts the demo once, and sets millis to the user + system CPU its JVM used
run_demo() {
	local log="$results.log" status=0
	# a temporary directory of its own, since a halted JVM leaves Tomcat's and the demo's behind
	mkdir -p "$results.tmp"
	# `times` in a subshell of its own prints that subshell's CPU, then its children's: the JVM alone
	(
		java -Dspring.context.exit=onRefresh -Djava.io.tmpdir="$results.tmp" -cp "$1" dev.handlehygiene.demo.DemoApplication "${arguments[@]}" \
			> "$log" 2>&1 || exit
		times > "$results.times"
	) || status=$?
	if [ "$status" -ne 0 ]; then
		echo "the demo exited with $status instead of halting once refreshed:" >&2
		tail -20 "$log" >&2
		exit 1
	fi
	rm -rf "$results.tmp"
	millis=$(tail -1 "$results.times" | awk '{ total = 0
		for (i = 1; i <= 2; i++) { split($i, part, /[ms]/); total += (part[1] * 60 + part[2]) * 1000 }
		printf "%.0f", total }')
}

count=${#names[@]}
echo "CPU to refresh, ms, $pairs rounds of ${names[*]} (the order rotates)"
for round in $(seq 1 "$pairs"); do
	line="round $round:"
	for slot in $(seq 0 $((count - 1))); do
		index=$(((slot + round) % count))
		run_demo "${classpaths[$index]}"
		echo "$round ${names[$index]} $millis" >> "$results"
		line="$line ${names[$index]} $millis"
	done
	echo "$line"
done

python3 - "$results" "${names[@]}" <<'PYEOF'
import collections, statistics, sys
cpu = collections.defaultdict(dict)
for line in open(sys.argv[1]):
    round_, name, millis = line.split()
    cpu[name][int(round_)] = float(millis)
names = sys.argv[2:]
rounds = sorted(cpu["without"])
print()
print(f"{'variant':<12} {'median CPU ms':>14} {'ratio to without, median (min..max)':>38} {'minus without, median ms':>26}")
print(f"{'without':<12} {statistics.median(cpu['without'].values()):14.0f}")
for name in names[1:]:
    ratios = sorted(cpu[name][r] / cpu["without"][r] for r in rounds)
    differences = [cpu[name][r] - cpu["without"][r] for r in rounds]
    spread = f"{statistics.median(ratios):.3f} ({ratios[0]:.3f}..{ratios[-1]:.3f})"
    verdict = "meets" if statistics.median(ratios) <= 1.02 else "misses"
    print(f"{name:<12} {statistics.median(cpu[name].values()):14.0f} {spread:>38} {statistics.median(differences):+26.0f}"
          f"   target <= 1.02: {verdict}")
print(f"({len(rounds)} rounds; each ratio and difference is taken within one round, then the median over rounds)")
PYEOF
