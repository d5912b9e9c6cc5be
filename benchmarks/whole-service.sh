#!/usr/bin/env bash
# Whole-service overhead: two demo JVMs, one with the starter as a user gets it (on) and one with it switched off
# (off, --handle-hygiene.enabled=false), loaded in alternating rounds with wrk on loopback, on two endpoints; then the
# start-up time of each, alternating. Prints every figure next to its target. Not a test: a measurement for people.
#
#   ./mvnw -B -DskipTests clean package -pl demo-app -am
#   bash benchmarks/whole-service.sh                                    # the whole starter on against off
#   OFF="--handle-hygiene.leaks.http-client.enabled=false" bash benchmarks/whole-service.sh   # tracking only
#   ON="--handle-hygiene.enabled=false" bash benchmarks/whole-service.sh   # off against off: the set-up's own noise
#   ENDPOINTS= bash benchmarks/whole-service.sh          # start-up only
#   (the JDK client's connect timer alone, with and without, is measured by AlternatingConnectTimeoutRatio)
#
# Forks: FORKS pairs of fresh JVMs, one pair after the other. Two JVMs of the same jar and arguments differ by a few
# per cent in steady state (the JIT compiles them differently), so one pair cannot resolve a 2 % difference; the
# pairs also swap ports and start order, so neither side always gets the same slot.
#
# Load: each pair first gives each JVM, one at a time, WARMUP seconds of wrk on each endpoint, not counted: the JIT
# compiles the RestClient path for well over a minute on 2 cores, and a JVM still compiling costs up to 4 times as
# much CPU per request. Then ROUNDS rounds, each giving each JVM, on each endpoint, WARM seconds (not counted) and
# DURATION seconds counted; which JVM goes first alternates from round to round. Per counted round it reads
# requests/s and p99 from wrk, and the JVM's CPU time (utime + stime from /proc/<pid>/stat) divided by the requests
# served. Figures: the median of the per-round ratios on/off over every counted round of every pair, with their
# spread (min..max), and each pair's own median, which shows how far two JVM instances differ.
#
# Endpoints: "cheap" is GET /ok/ping (no I/O); "call" is POST /ok/http, one RestClient call to the demo's own upstream,
# its response read and closed. The upstream answers "Connection: close", so each call opens a new connection.
# BOTH is given to both JVMs; by default it selects the JDK HttpClient, Spring Boot's default when no other client
# library is present (the demo itself selects HttpURLConnection, so that its leaks keep sockets in CLOSE_WAIT).
#
# Start-up: STARTS runs of each, alternating, one JVM at a time, before the load: the seconds Spring Boot logs in
# "Started DemoApplication in X seconds".
#
# Needs wrk (Debian: apt-get install wrk) and python3. Sends traffic to 127.0.0.1 only, starts only its own JVMs and
# stops them by PID. Ports 18080, 18081, 19080 and 19081 must be free.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=${JAR:-demo-app/target/handle-hygiene-demo.jar}
on=${ON:-}
off=${OFF:---handle-hygiene.enabled=false}
both=${BOTH:---spring.http.clients.imperative.factory=jdk}
endpoints=${ENDPOINTS-cheap call}
forks=${FORKS:-4}
rounds=${ROUNDS:-4}
warmup=${WARMUP:-90}
warm=${WARM:-4}
duration=${DURATION:-8}
threads=${THREADS:-2}
connections=${CONNECTIONS:-16}
starts=${STARTS:-11}
ticks_per_second=$(getconf CLK_TCK)
work=$(mktemp -d "${TMPDIR:-/tmp}/whole-service.XXXXXX")

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -f "$jar" ] || { echo "no $jar: build it first (see the top of this script)" >&2; exit 1; }
for endpoint in $endpoints; do
	case "$endpoint" in
		cheap) printf 'wrk.method = "GET"\n' > "$work/cheap.lua" ;;
		call) printf 'wrk.method = "POST"\n' > "$work/call.lua" ;;
		*) echo "ENDPOINTS holds cheap and/or call, not $endpoint" >&2; exit 2 ;;
	esac
done

path_of() {
	case "$1" in
		cheap) echo /ok/ping ;;
		call) echo /ok/http ;;
	esac
}

# shellcheck source=benchmarks/stop-started.sh
. benchmarks/stop-started.sh   # the working directory is the project root (above)
trap stop_all EXIT

args_of() {
	if [ "$1" = on ]; then echo "$both $on"; else echo "$both $off"; fi
}

# start NAME PORT MANAGEMENT_PORT: the JVM's own PID, as $! of a plain background java
start() {
	local name=$1 port=$2 management=$3
	# emptied here, not by the background job's redirection, which may run after await_started reads the last log
	: > "$work/$name.log"
	# shellcheck disable=SC2046 # the arguments are words
	java -jar "$jar" --server.address=127.0.0.1 --server.port="$port" --management.server.address=127.0.0.1 \
		--management.server.port="$management" $(args_of "$name") \
		>"$work/$name.log" 2>&1 &
	pids+=("$!")
	echo "$!" > "$work/$name.pid"
}

await_started() {
	local waited=0
	# the whole line: a long log line can reach the file in two writes
	until grep -q 'Started DemoApplication in [0-9.]* seconds' "$work/$1.log" 2>/dev/null; do
		waited=$((waited + 1))
		if [ "$waited" -gt 240 ]; then
			echo "$1 did not start within 120 s; see $work/$1.log" >&2
			exit 1
		fi
		sleep 0.5
	done
}

# start-up: one JVM at a time, so that neither slows the other's start
: > "$work/starts"
if [ "$starts" -gt 0 ]; then
	echo "start-up, $starts runs each, alternating (seconds from Spring Boot's 'Started ... in X seconds')"
	for run in $(seq 1 "$starts"); do
		if [ $((run % 2)) -eq 1 ]; then order="on off"; else order="off on"; fi
		for name in $order; do
			start "$name" 18080 18081
			await_started "$name"
			seconds=$(sed -n 's/.*Started DemoApplication in \([0-9.]*\) seconds.*/\1/p' "$work/$name.log" | head -1)
			echo "  run $run $name $seconds"
			echo "$name $seconds" >> "$work/starts"
			stop_all
		done
	done
fi

cpu_ticks() {
	sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}

# load NAME PORT ENDPOINT SECONDS: wrk's report in $work/NAME.wrk, CPU ticks spent meanwhile in $work/NAME.ticks
load() {
	local name=$1 port=$2 endpoint=$3 seconds=$4 pid before after
	pid=$(cat "$work/$name.pid")
	before=$(cpu_ticks "$pid")
	wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$work/$endpoint.lua" \
		"http://127.0.0.1:$port$(path_of "$endpoint")" > "$work/$name.wrk"
	after=$(cpu_ticks "$pid")
	echo $((after - before)) > "$work/$name.ticks"
}

# a counted measurement: "requests/s p99-in-ms cpu-µs-per-request"
measure() {
	local name=$1 port=$2 endpoint=$3
	load "$name" "$port" "$endpoint" "$warm"
	load "$name" "$port" "$endpoint" "$duration"
	python3 - "$work/$name.wrk" "$(cat "$work/$name.ticks")" "$ticks_per_second" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
ticks, per_second = int(sys.argv[2]), int(sys.argv[3])
requests = int(re.search(r"(\d+) requests in", text).group(1))
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", text).groups()
p99 = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
if errors:
    sys.exit("non-2xx answers: " + errors.group(1))
print(f"{rate:.1f} {p99:.3f} {ticks / per_second * 1e6 / max(requests, 1):.1f}")
EOF
}

if [ -n "$endpoints" ]; then
echo "on:  $(args_of on)"
echo "off: $(args_of off)"
echo "$forks pairs of JVMs; in each, ${warmup}s of warm-up per JVM and endpoint, then $rounds rounds of" \
	"${warm}+${duration}s per JVM and endpoint, wrk -t$threads -c$connections"
echo "pair round endpoint first  on:req/s p99ms cpu-us/req  off:req/s p99ms cpu-us/req"
for endpoint in $endpoints; do : > "$work/rounds.$endpoint"; done
for fork in $(seq 1 "$forks"); do
	# odd pairs: on gets ports 18080/18081 and starts first; even pairs: the other way round
	if [ $((fork % 2)) -eq 1 ]; then
		on_port=18080; off_port=19080
		start on "$on_port" $((on_port + 1)); start off "$off_port" $((off_port + 1))
	else
		on_port=19080; off_port=18080
		start off "$off_port" $((off_port + 1)); start on "$on_port" $((on_port + 1))
	fi
	await_started on
	await_started off
	for name in on off; do
		for endpoint in $endpoints; do
			if [ "$name" = on ]; then port=$on_port; else port=$off_port; fi
			load "$name" "$port" "$endpoint" "$warmup"
		done
	done
	for round in $(seq 1 "$rounds"); do
		for endpoint in $endpoints; do
			if [ $((round % 2)) -eq 1 ]; then
				a=$(measure on "$on_port" "$endpoint"); b=$(measure off "$off_port" "$endpoint"); first=on
			else
				b=$(measure off "$off_port" "$endpoint"); a=$(measure on "$on_port" "$endpoint"); first=off
			fi
			echo "$fork $a $b" >> "$work/rounds.$endpoint"
			echo "$fork $round $endpoint $first  $a  $b"
		done
	done
	stop_all
done
fi

python3 - "$work" "$endpoints" <<'EOF'
import os, statistics, sys
work, endpoints = sys.argv[1], sys.argv[2].split()
# name, column, target, whether the ratio must stay at or above (True) or at or below (False) the target
figures = [("throughput", 0, 0.98, True), ("p99", 1, 1.05, False), ("CPU per request", 2, 1.02, False)]
units = ["req/s", "ms", "us"]
print()
print("figure                 endpoint  median on / off            ratio (per-round min..max)  target   verdict")
for endpoint in endpoints:
    # each row: the pair, then on's three figures, then off's
    rows = [line.split() for line in open(f"{work}/rounds.{endpoint}") if line.strip()]
    pairs = sorted({row[0] for row in rows}, key=int)
    rows = [(row[0], list(map(float, row[1:]))) for row in rows]
    for (name, i, target, at_least), unit in zip(figures, units):
        on = statistics.median(row[i] for _, row in rows)
        off = statistics.median(row[i + 3] for _, row in rows)
        ratios = [row[i] / row[i + 3] for _, row in rows]
        ratio = statistics.median(ratios)
        per_pair = [statistics.median(row[i] / row[i + 3] for p, row in rows if p == pair) for pair in pairs]
        passed = ratio >= target if at_least else ratio <= target
        sign = ">=" if at_least else "<="
        print(f"{name:<22} {endpoint:<8}  {on:9.1f} / {off:9.1f} {unit:<5}  {ratio:.3f} ({min(ratios):.2f}..{max(ratios):.2f})"
              f"         {sign} {target:.2f}  {'pass' if passed else 'FAIL'}  ({len(rows)} rounds)")
        print(f"{'':<22} {'':<8}  per pair: {' '.join(f'{r:.3f}' for r in per_pair)}")
starts = [line.split() for line in open(f"{work}/starts") if line.strip()]
if starts:
    on_runs = [float(s) for n, s in starts if n == "on"]
    off_runs = [float(s) for n, s in starts if n == "off"]
    on, off = statistics.median(on_runs), statistics.median(off_runs)
    extra = (on - off) * 1000
    # each run starts one of each back to back: their difference leaves out the machine's drift between runs
    paired = sorted((a - b) * 1000 for a, b in zip(on_runs, off_runs))
    print(f"{'start-up (median)':<22} {'':<8}  {on:9.3f} / {off:9.3f} s      {extra:+.0f} ms"
          f"                        <= +100 ms {'pass' if extra <= 100 else 'FAIL'}  ({len(on_runs)} runs each)")
    print(f"{'':<22} {'':<8}  per run, on - off: median {statistics.median(paired):+.0f} ms"
          f" ({paired[0]:+.0f}..{paired[-1]:+.0f})")
EOF
