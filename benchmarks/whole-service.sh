#!/usr/bin/env bash
# Whole-service overhead: two demo JVMs, one with the starter as a user gets it (A) and one with a part of it switched
# off (B), loaded in alternating rounds with wrk on loopback. Not a test: a measurement for people.
#
#   ./mvnw -B -DskipTests clean package -pl demo-app -am
#   bash benchmarks/whole-service.sh                      # tracking on against off, on the RestClient endpoint
#   OFF="--handle-hygiene.enabled=false" bash benchmarks/whole-service.sh   # the whole starter on against off
#   ENDPOINT=cheap bash benchmarks/whole-service.sh       # an endpoint that does no I/O
#
# Each round gives each JVM WARM seconds of load (not counted), then DURATION seconds counted; which JVM goes first
# alternates from round to round, and the first WARMUP_ROUNDS rounds are not counted either (the JIT is still busy).
# Per counted round it reads requests/s and p99 from wrk, and the JVM's CPU time (utime + stime from
# /proc/<pid>/stat) divided by the requests served. It prints each round, then the medians and the ratios A/B.
#
# Endpoints: "call" is POST /ok/http, one RestClient call to the demo's own upstream, its response read and closed;
# "cheap" is GET /ok/ping. Needs wrk (Debian: apt-get install wrk) and python3. Sends traffic to 127.0.0.1 only,
# starts only its own JVMs and stops them by PID. Ports 18080, 18081, 19080 and 19081 must be free.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=${JAR:-demo-app/target/handle-hygiene-demo.jar}
off=${OFF:---handle-hygiene.leaks.http-client.enabled=false}
endpoint=${ENDPOINT:-call}
rounds=${ROUNDS:-10}
warmup_rounds=${WARMUP_ROUNDS:-3}
warm=${WARM:-8}
duration=${DURATION:-10}
threads=${THREADS:-2}
connections=${CONNECTIONS:-16}
ticks_per_second=$(getconf CLK_TCK)
work=$(mktemp -d "${TMPDIR:-/tmp}/whole-service.XXXXXX")

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -f "$jar" ] || { echo "no $jar: build it first (see the top of this script)" >&2; exit 1; }

case "$endpoint" in
	call)
		path=/ok/http
		printf 'wrk.method = "POST"\n' > "$work/request.lua"
		;;
	cheap)
		path=/ok/ping
		printf 'wrk.method = "GET"\n' > "$work/request.lua"
		;;
	*) echo "ENDPOINT is call or cheap, not $endpoint" >&2; exit 2 ;;
esac

pids=()
stop_all() {
	for pid in "${pids[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${pids[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
}
trap stop_all EXIT

# start NAME PORT MANAGEMENT_PORT ARGUMENT...: the JVM's own PID, as $! of a plain background java
start() {
	local name=$1 port=$2 management=$3
	shift 3
	java -jar "$jar" --server.port="$port" --management.server.port="$management" "$@" >"$work/$name.log" 2>&1 &
	pids+=("$!")
	echo "$!" > "$work/$name.pid"
	echo "started $name as pid $!: --server.port=$port $*"
}

await_started() {
	local waited=0
	until grep -q 'Started DemoApplication' "$work/$1.log"; do
		waited=$((waited + 1))
		if [ "$waited" -gt 240 ]; then
			echo "$1 did not start within 120 s; see $work/$1.log" >&2
			exit 1
		fi
		sleep 0.5
	done
}

cpu_ticks() {
	sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}

# load NAME PORT SECONDS: wrk's report in $work/NAME.wrk, CPU ticks spent meanwhile in $work/NAME.ticks
load() {
	local name=$1 port=$2 seconds=$3 pid before after
	pid=$(cat "$work/$name.pid")
	before=$(cpu_ticks "$pid")
	wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$work/request.lua" \
		"http://127.0.0.1:$port$path" > "$work/$name.wrk"
	after=$(cpu_ticks "$pid")
	echo $((after - before)) > "$work/$name.ticks"
}

# a counted measurement: "requests/s p99-in-ms cpu-µs-per-request"
measure() {
	local name=$1 port=$2
	load "$name" "$port" "$warm"
	load "$name" "$port" "$duration"
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

start on 18080 18081
start off 19080 19081 "$off"
await_started on
await_started off

echo "endpoint $path, $rounds rounds of ${warm}+${duration}s per JVM (the first $warmup_rounds not counted), wrk -t$threads -c$connections"
echo "round first  on:req/s p99ms cpu-us/req  off:req/s p99ms cpu-us/req"
: > "$work/rounds"
for round in $(seq 1 "$rounds"); do
	if [ $((round % 2)) -eq 1 ]; then
		a=$(measure on 18080); b=$(measure off 19080); first=on
	else
		b=$(measure off 19080); a=$(measure on 18080); first=off
	fi
	echo "$round $first  $a  $b"
	if [ "$round" -gt "$warmup_rounds" ]; then
		echo "$a $b" >> "$work/rounds"
	fi
done

python3 - "$work/rounds" <<'EOF'
import statistics, sys
rows = [list(map(float, line.split())) for line in open(sys.argv[1]) if line.strip()]
names = ["throughput (req/s)", "p99 (ms)", "CPU per request (us)"]
print(f"{len(rows)} counted rounds: median on / median off = ratio; median of the per-round ratios (min..max)")
for i, name in enumerate(names):
    on = statistics.median(row[i] for row in rows)
    off = statistics.median(row[i + 3] for row in rows)
    ratios = [row[i] / row[i + 3] for row in rows]
    print(f"  {name}: {on:.3f} / {off:.3f} = {on / off:.3f}; per round {statistics.median(ratios):.3f}"
          f" ({min(ratios):.2f}..{max(ratios):.2f})")
EOF
