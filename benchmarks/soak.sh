#!/usr/bin/env bash
# Soak: the demo under mixed load for DURATION seconds (5 minutes by default), with leaks that the application closes
# again, sampled every INTERVAL seconds. Not a test and not part of verify: a measurement for people.
#
#   ./mvnw -B -DskipTests clean package -pl demo-app -am
#   bash benchmarks/soak.sh                       # 300 s, a sample every 15 s
#   DURATION=1800 INTERVAL=30 bash benchmarks/soak.sh
#
# Load, all on 127.0.0.1:
# - wrk (-t1 -c4) rotating over GET /ok/ping, POST /ok/http (a RestClient call, response closed), POST /ok/file?count=5
#   (files opened and closed) and, one request in eight, POST /leak/http/dropped (a response dropped unclosed: its
#   socket stays in CLOSE_WAIT until the starter's close-leaked closes it after a garbage collection);
# - a curl loop that, twice a second, leaks two pooled JDBC connections and gives them back (/leak/jdbc,
#   /leak/jdbc/return; Hikari's leak detection reports them first, at the demo's 2 s) and reads
#   /actuator/health/fileDescriptors and /actuator/fdleaks/trend.
# Sample: the open descriptor count from /proc/<pid>/fd, taken before anything else in the sample; then the live heap
# after a full collection, the total of `jcmd <pid> GC.class_histogram` (which collects first and counts only what
# survived, so the load's allocation meanwhile does not blur it as `GC.heap_info` after `GC.run` would). The
# collection comes after the count, so that the count shows what the application's own collections leave.
# Verdict: open count bounded (the last third's mean at most MAX_DRIFT above the first third's, and no sample more
# than MAX_GROWTH above the baseline, the first sample after WARM seconds of load: dropped responses hold their
# sockets until a collection finds them, so the count swings between collections) and heap after GC flat (the
# difference of the means of the last and first thirds of the after-GC samples, per minute between their midpoints,
# at most MAX_HEAP_SLOPE_KB per minute).
#
# Needs wrk, curl, jcmd and python3. Starts only its own JVM, wrk and curl loop, and stops them by PID. Ports 18380 and
# 18381 must be free.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=${JAR:-demo-app/target/handle-hygiene-demo.jar}
duration=${DURATION:-300}
interval=${INTERVAL:-15}
warm=${WARM:-30}
max_growth=${MAX_GROWTH:-1000}
max_drift=${MAX_DRIFT:-50}
max_heap_slope_kb=${MAX_HEAP_SLOPE_KB:-1024}
port=18380
management=18381
work=$(mktemp -d "${TMPDIR:-/tmp}/soak.XXXXXX")

for tool in wrk curl jcmd python3; do
	command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done
[ -f "$jar" ] || { echo "no $jar: build it first (see the top of this script)" >&2; exit 1; }

# shellcheck source=benchmarks/stop-started.sh
. benchmarks/stop-started.sh   # the working directory is the project root (above)
trap stop_all EXIT

java -jar "$jar" --server.address=127.0.0.1 --server.port="$port" --management.server.address=127.0.0.1 \
	--management.server.port="$management" >"$work/demo.log" 2>&1 &
app=$!
pids+=("$app")
waited=0
until grep -q 'Started DemoApplication' "$work/demo.log"; do
	waited=$((waited + 1))
	if [ "$waited" -gt 240 ] || ! kill -0 "$app" 2>/dev/null; then
		echo "the demo did not start; see $work/demo.log" >&2
		exit 1
	fi
	sleep 0.5
done
echo "demo pid $app started; log in $work/demo.log"

cat > "$work/mix.lua" <<'EOF'
-- one request in eight leaks a response that the starter closes once it is collected
local requests = {
	{ "GET", "/ok/ping" }, { "POST", "/ok/http" }, { "POST", "/ok/file?count=5" }, { "GET", "/ok/ping" },
	{ "POST", "/ok/http" }, { "POST", "/ok/file?count=5" }, { "GET", "/ok/ping" }, { "POST", "/leak/http/dropped" },
}
local i = 0
request = function()
	i = i % #requests + 1
	return wrk.format(requests[i][1], requests[i][2])
end
EOF

# past the last sample, which comes up to an interval and a few jcmd runs after the duration: a sample taken after
# the load stopped would read an idle service; both are stopped by PID once sampling ends
total=$((warm + duration + interval + 120))
wrk -t1 -c4 -d"${total}s" -s "$work/mix.lua" "http://127.0.0.1:$port" > "$work/wrk.txt" 2>&1 &
load=$!
pids+=("$load")

# the JDBC leaks and the actuator readers; every non-2xx answer is counted
(
	end=$(( $(date +%s) + total ))
	while [ "$(date +%s)" -lt "$end" ]; do
		for url in "http://127.0.0.1:$port/leak/jdbc" "http://127.0.0.1:$port/leak/jdbc" \
			"http://127.0.0.1:$port/leak/jdbc/return"; do
			curl -s -o /dev/null -w '%{http_code}\n' -X POST --max-time 20 "$url" >> "$work/curl.codes" || echo 000 >> "$work/curl.codes"
		done
		for url in "http://127.0.0.1:$management/actuator/health/fileDescriptors" \
			"http://127.0.0.1:$management/actuator/fdleaks/trend"; do
			curl -s -o /dev/null -w '%{http_code}\n' --max-time 20 "$url" >> "$work/curl.codes" || echo 000 >> "$work/curl.codes"
		done
		sleep 0.5
	done
) &
pids+=("$!")

heap_after_gc_kb() {
	# the last line: "Total      1234567      89012345" (instances, bytes)
	jcmd "$app" GC.class_histogram | awk '$1 == "Total" { print int($3 / 1024) }'
}

sleep "$warm"
echo "seconds  open-fds  live-heap-after-gc-KB"
start=$(date +%s)
: > "$work/samples"
while :; do
	now=$(( $(date +%s) - start ))
	open=$(ls "/proc/$app/fd" | wc -l)
	heap=$(heap_after_gc_kb)
	printf '%7d  %8d  %16d\n' "$now" "$open" "$heap"
	echo "$now $open $heap" >> "$work/samples"
	[ "$now" -ge "$duration" ] && break
	sleep "$interval"
done

leaks=$(curl -s --max-time 20 "http://127.0.0.1:$management/actuator/fdleaks/leaks" || true)
# wrk prints its summary when interrupted
kill -INT "$load" 2>/dev/null || true
wait "$load" 2>/dev/null || true
stop_all
trap - EXIT

python3 - "$work" "$max_growth" "$max_drift" "$max_heap_slope_kb" "$leaks" <<'EOF'
import json, re, statistics, sys
work, max_growth, max_drift, max_slope, leaks = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
samples = [list(map(int, line.split())) for line in open(f"{work}/samples") if line.strip()]
wrk = open(f"{work}/wrk.txt").read()
codes = [line.strip() for line in open(f"{work}/curl.codes") if line.strip()]
requests = re.search(r"(\d+) requests in", wrk)
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", wrk)
print(f"wrk: {requests.group(1) if requests else '?'} requests, {bad.group(1) if bad else 0} non-2xx;"
      f" curl: {len(codes)} requests, {sum(1 for c in codes if not c.startswith('2'))} non-2xx")
try:
    http = json.loads(leaks)["leaks"]["httpClient"]
    print(f"http client responses: leaked (dropped and closed by the starter) {http.get('leaked')}, still open {http.get('open')}")
except (ValueError, KeyError, TypeError):
    print("no leak report read")
baseline = samples[0][1]
opens = [s[1] for s in samples]
third = max(1, len(samples) // 3)
first, last = samples[:third], samples[-third:]
growth = max(opens) - baseline
drift = statistics.mean(s[1] for s in last) - statistics.mean(s[1] for s in first)
minutes = (statistics.mean(s[0] for s in last) - statistics.mean(s[0] for s in first)) / 60
slope = (statistics.mean(s[2] for s in last) - statistics.mean(s[2] for s in first)) / minutes if minutes > 0 else float("nan")
open_ok = growth <= max_growth and drift <= max_drift
heap_ok = slope <= max_slope
print(f"open descriptors: baseline {baseline}, min {min(opens)}, max {max(opens)} (max - baseline = {growth}),"
      f" last third - first third = {drift:+.1f}: {'bounded' if open_ok else 'NOT bounded'}"
      f" (limits {max_growth} over the baseline, {max_drift} of drift)")
print(f"live heap after a full GC: first third {statistics.mean(s[2] for s in first):.0f} KB, last third"
      f" {statistics.mean(s[2] for s in last):.0f} KB, slope {slope:+.0f} KB/min: {'flat' if heap_ok else 'GROWING'}"
      f" (limit {max_slope:.0f} KB/min)")
print("verdict:", "pass" if open_ok and heap_ok and not bad and all(c.startswith("2") for c in codes) else "FAIL")
EOF
