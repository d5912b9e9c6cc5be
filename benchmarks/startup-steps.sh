#!/usr/bin/env bash
# Start-up cost of the starter, phase by phase, from Spring's own step timings inside the JVM: the demo started RUNS
# times with the starter on and RUNS times with --handle-hygiene.enabled=false (OFF), alternating, one JVM at a time,
# each recording its steps with BufferingApplicationStartup (startup/StartupSteps.java, run in source-file mode on
# the jar's unpacked class path). Prints the median of each phase on and off and their difference, then the
# starter's beans that took longest to create. Not a test: a measurement for people.
#
# PART="<name>|<arguments>" adds a third JVM to each run, for instance the starter with some of its
# auto-configurations excluded, and compares it with OFF the same way. The three start in a rotating order.
#
#   ./mvnw -B -DskipTests clean package -pl demo-app -am
#   bash benchmarks/startup-steps.sh
#
# Why not only the wall clock: on 2 shared cores "Started ... in X seconds" spreads by a second from run to run
# (whole-service.sh prints it too), while the JIT and the scheduler move single phases by tens of milliseconds.
# A phase's median over a few runs can tell 50 ms apart; the total still cannot be read to better than that.
#
# Ports 18080 and 18081 must be free. Starts only its own JVMs, one at a time, and waits for each to exit.
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/startup/demo.sh

jar=${JAR:-demo-app/target/handle-hygiene-demo.jar}
runs=${RUNS:-6}
on=${ON:-}
off=${OFF:---handle-hygiene.enabled=false}
part=${PART:-}
unpack_demo "$jar" startup-steps

: > "$work/steps"
names=(on off); arguments=("$on" "$off")
if [ -n "$part" ]; then names+=("${part%%|*}"); arguments+=("${part#*|}"); fi
for run in $(seq 1 "$runs"); do
	# the order rotates from run to run, so that no variant always starts first or last
	for slot in $(seq 0 $((${#names[@]} - 1))); do
		index=$(((slot + run) % ${#names[@]}))
		name=${names[$index]}; args=${arguments[$index]}
		# shellcheck disable=SC2086 # the arguments are words
		java -cp "$classpath" benchmarks/startup/StartupSteps.java "${demo_arguments[@]}" $args \
			| sed -n "s/^\(PHASE\|BEAN\) /$run $name \1 /p" >> "$work/steps"
	done
	echo "run $run of $runs done"
done

python3 - "$work/steps" "$runs" "${names[@]}" <<'PYEOF'
import collections, statistics, sys
compared = [name for name in sys.argv[3:] if name != "off"]
values = collections.defaultdict(lambda: collections.defaultdict(list))
# up to Spring Boot's "Started ... in X seconds": these phases follow one another; refresh holds the context's own
until_started = ["spring.boot.application.starting", "spring.boot.application.environment-prepared",
                 "spring.boot.application.context-prepared", "spring.boot.application.context-loaded",
                 "spring.context.refresh", "spring.boot.application.started"]
totals = collections.defaultdict(float)
for line in open(sys.argv[1]):
    run, side, kind, name, millis = line.split()
    values[(kind, name)][side].append(float(millis))
    if kind == "PHASE" and name in until_started:
        totals[(run, side)] += float(millis)
print()
header = "".join(f" {name:>9}" for name in compared)
differences = "".join(f" {name + ' - off':>12}" for name in compared)
print(f"{'phase (ms, medians of ' + sys.argv[2] + ' runs)':<58}{header} {'off':>9}{differences}")
for (kind, name), sides in values.items():
    if kind == "PHASE":
        medians = {side: statistics.median(sides[side] or [0]) for side in compared + ["off"]}
        print(f"{name:<58}" + "".join(f" {medians[side]:9.1f}" for side in compared) + f" {medians['off']:9.1f}"
              + "".join(f" {medians[side] - medians['off']:+12.1f}" for side in compared))
runs = sorted({run for run, _ in totals}, key=int)
for side in compared:
    paired = sorted(totals[(r, side)] - totals[(r, "off")] for r in runs if (r, side) in totals and (r, "off") in totals)
    if paired:
        median = statistics.median(totals[(r, side)] for r in runs if (r, side) in totals)
        off = statistics.median(totals[(r, "off")] for r in runs if (r, "off") in totals)
        print(f"{'up to Started, summed: ' + side:<58} {median:9.1f} {off:9.1f} {median - off:+9.1f}")
        print(f"  per run, {side} - off: median {statistics.median(paired):+.0f} ms ({paired[0]:+.0f}..{paired[-1]:+.0f});"
              f" the middle half {paired[len(paired) // 4]:+.0f}..{paired[(3 * len(paired)) // 4]:+.0f}")
beans = sorted(((statistics.median(s["on"]), n) for (k, n), s in values.items() if k == "BEAN" and s["on"]), reverse=True)
print()
print(f"the starter's beans, on (ms, medians): {sum(m for m, _ in beans):.1f} in all; the slowest:")
for millis, name in beans[:10]:
    print(f"  {millis:7.1f}  {name}")
PYEOF
rm -rf "$work"
