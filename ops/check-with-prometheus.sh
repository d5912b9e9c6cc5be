#!/usr/bin/env bash
# Checks the shipped alert rules and Grafana dashboard against a real Prometheus scraping the demo:
#   1. promtool check rules and promtool test rules;
#   2. the demo on loopback, Prometheus on 127.0.0.1 with the shipped rules, scraping it every second;
#   3. no leak alert before any leak; an HTTP response leak and a JDBC connection leak driven on the demo, and both
#      leak alerts firing within a deadline; the time gauges scraped under their _seconds names;
#   4. every query of every dashboard panel (and its variables) returning data.
# Everything it starts is stopped by its PID on exit. The whole check is bounded (CHECK_SECONDS, 170 s by default,
# not counting a demo build when the jar is missing).
#
# Usage: ops/check-with-prometheus.sh   (from anywhere; installs Debian's prometheus package if promtool is missing)
# Ports (loopback only): Prometheus 29090, demo 28080, its management server 28081; override with PROMETHEUS_PORT,
# DEMO_PORT, DEMO_MANAGEMENT_PORT.
set -euo pipefail
cd "$(dirname "$0")/.."

PROMETHEUS_PORT=${PROMETHEUS_PORT:-29090}
DEMO_PORT=${DEMO_PORT:-28080}
DEMO_MANAGEMENT_PORT=${DEMO_MANAGEMENT_PORT:-28081}
CHECK_SECONDS=${CHECK_SECONDS:-170}
RULES=$PWD/ops/prometheus/handle-hygiene-rules.yml
RULE_TESTS=$PWD/ops/prometheus/handle-hygiene-rules.test.yml
DASHBOARD=$PWD/ops/grafana/handle-hygiene-dashboard.json
DEMO_JAR=${DEMO_JAR:-$PWD/demo-app/target/handle-hygiene-demo.jar}
JOB=handle-hygiene-demo
INSTANCE=127.0.0.1:$DEMO_MANAGEMENT_PORT
PROMETHEUS=http://127.0.0.1:$PROMETHEUS_PORT
LEAK_ALERT=HandleHygieneResourceLeaked

say() { printf '[check-with-prometheus %3ds] %s\n' "$((SECONDS - started))" "$*"; }
fail() { say "FAILED: $*"; exit 1; }

# --- tools -----------------------------------------------------------------------------------------------------------
# Debian's packages, as root (CI runs as root; elsewhere through sudo). The prometheus package's own service is not
# used, nor stopped: this script runs its own Prometheus on its own port with its own configuration.
apt_updated=
install_debian_package() {
  local as_root=()
  if [ "$(id -u)" != 0 ]; then as_root=(sudo); fi
  echo "[check-with-prometheus] installing Debian's $1 package"
  if [ -z "$apt_updated" ]; then "${as_root[@]}" apt-get update -q; apt_updated=yes; fi
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$1"
}
if ! command -v promtool >/dev/null || ! command -v prometheus >/dev/null; then install_debian_package prometheus; fi
command -v jq >/dev/null || install_debian_package jq
# the dashboard's queries are read out of its JSON with python3, and every API call is curl: a minimal Debian image
# has neither
command -v python3 >/dev/null || install_debian_package python3
command -v curl >/dev/null || install_debian_package curl
for tool in python3 jq curl java jcmd; do
  command -v "$tool" >/dev/null || { echo "[check-with-prometheus] FAILED: $tool is missing"; exit 1; }
done
if [ ! -f "$DEMO_JAR" ]; then
  echo "[check-with-prometheus] building the demo jar"
  ./mvnw -B -q -DskipTests package -pl demo-app -am
fi

started=$SECONDS
deadline=$((SECONDS + CHECK_SECONDS))

# --- 1. promtool -----------------------------------------------------------------------------------------------------
say "$(promtool --version 2>&1 | head -1)"
promtool check rules "$RULES"
promtool test rules "$RULE_TESTS"

# --- 2. the demo and Prometheus --------------------------------------------------------------------------------------
for port in "$PROMETHEUS_PORT" "$DEMO_PORT" "$DEMO_MANAGEMENT_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then fail "port $port on 127.0.0.1 is in use"; fi
done

work=$(mktemp -d /tmp/handle-hygiene-prometheus-check.XXXXXX)
pids=()
stop_all() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    # a JVM's graceful shutdown takes a few seconds; after 20 s it is killed
    for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

cat >"$work/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files:
  - $RULES
scrape_configs:
  - job_name: $JOB
    metrics_path: /actuator/prometheus
    static_configs:
      - targets: ['$INSTANCE']
EOF

java -jar "$DEMO_JAR" --server.address=127.0.0.1 --server.port="$DEMO_PORT" \
  --management.server.address=127.0.0.1 --management.server.port="$DEMO_MANAGEMENT_PORT" >"$work/demo.log" 2>&1 &
demo_pid=$!
pids+=("$demo_pid")
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
  --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" >"$work/prometheus.log" 2>&1 &
pids+=("$!")
say "demo pid $demo_pid on 127.0.0.1:$DEMO_PORT (management $DEMO_MANAGEMENT_PORT), prometheus pid $! on 127.0.0.1:$PROMETHEUS_PORT"

show_logs() {
  echo "--- demo log (tail) ---"; tail -n 30 "$work/demo.log" || true
  echo "--- prometheus log (tail) ---"; tail -n 30 "$work/prometheus.log" || true
}
# wait_until DESCRIPTION COMMAND...: runs COMMAND every second until it succeeds or the deadline passes
wait_until() {
  local what=$1; shift
  until "$@"; do
    if [ "$SECONDS" -ge "$deadline" ]; then show_logs; fail "deadline passed waiting for $what"; fi
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { show_logs; fail "process $pid ended"; }; done
    sleep 1
  done
  say "$what"
}

# Prometheus HTTP API: instant query; prints the JSON
query() { curl -sf --max-time 5 "$PROMETHEUS/api/v1/query" --data-urlencode "query=$1"; }
# how many series an instant query returns (fails on an error answer)
result_count() { query "$1" | jq -e -r 'if .status == "success" then .data.result | length else error(.error) end'; }
# alerts of the leak rule in a state (pending, firing or any), one "resource pool state" line each
leak_alerts() {
  curl -sf --max-time 5 "$PROMETHEUS/api/v1/alerts" | jq -r --arg state "$1" --arg name "$LEAK_ALERT" '
    .data.alerts[] | select(.labels.alertname == $name and ($state == "any" or .state == $state))
    | "\(.labels.resource) \(.labels.pool) \(.state)"'
}
# the demo's own reading of the leak counter for a resource (0 while it has no series)
demo_leaks() {
  curl -sf --max-time 5 "http://$INSTANCE/actuator/prometheus" |
    awk -v resource="resource=\"$1\"" 'index($0, "handle_hygiene_leaks_total{") == 1 && index($0, resource) { total += $NF }
      END { printf "%d\n", total }'
}

wait_until "the demo is up" curl -sf --max-time 2 -o /dev/null "http://$INSTANCE/actuator/health"
wait_until "Prometheus is ready" curl -sf --max-time 2 -o /dev/null "$PROMETHEUS/-/ready"
scraped() { [ "$(result_count "count_over_time(up{job=\"$JOB\"}[1m]) >= 5 and up{job=\"$JOB\"} == 1")" = 1 ]; }
wait_until "the demo scraped up 5 times" scraped
rules_evaluated() {
  curl -sf --max-time 5 "$PROMETHEUS/api/v1/rules" | jq -e '[.data.groups[].rules[]]
    | length >= 5 and all(.health == "ok" and (.lastEvaluation | startswith("0001") | not))' >/dev/null
}
wait_until "every shipped rule evaluated, healthy" rules_evaluated

# --- 3. no leak alert before a leak, then one per resource after --------------------------------------------------
[ "$(demo_leaks http.client.response)" = 0 ] || fail "the demo counts leaks before any was driven"
before=$(leak_alerts any)
[ -z "$before" ] || fail "$LEAK_ALERT is active before any leak: $before"
# ALERTS holds a sample for every evaluation at which an alert was pending or firing: none since Prometheus started
[ "$(result_count "max_over_time(ALERTS{alertname=\"$LEAK_ALERT\"}[10m])")" = 0 ] ||
  fail "$LEAK_ALERT was pending or firing at some evaluation before any leak"
say "no $LEAK_ALERT alert before any leak, at any evaluation so far"

curl -sf --max-time 10 -X POST "http://127.0.0.1:$DEMO_PORT/leak/http?count=5" >/dev/null
curl -sf --max-time 10 -X POST "http://127.0.0.1:$DEMO_PORT/leak/http/dropped?count=5" >/dev/null
curl -sf --max-time 10 -X POST "http://127.0.0.1:$DEMO_PORT/leak/jdbc" >/dev/null
say "drove 5 HTTP responses kept open, 5 dropped, and 1 JDBC connection never returned (reported after the demo's 2 s threshold)"
# the dropped responses are found when a GC sees them unreachable
http_leak_counted() {
  [ "$(demo_leaks http.client.response)" -gt 0 ] && return 0
  jcmd "$demo_pid" GC.run >/dev/null
  return 1
}
wait_until "the demo counted the HTTP leak after a GC" http_leak_counted
jdbc_leak_counted() { [ "$(demo_leaks jdbc.connection)" -gt 0 ]; }
wait_until "the demo counted the JDBC leak" jdbc_leak_counted
alert_fires() { local firing; firing=$(leak_alerts firing); grep -qx "$1 $2 firing" <<<"$firing"; }
wait_until "$LEAK_ALERT firing for http.client.response (pool none)" alert_fires http.client.response none
wait_until "$LEAK_ALERT firing for jdbc.connection (pool HikariPool-1)" alert_fires jdbc.connection HikariPool-1
# the 5 responses kept open sit in CLOSE_WAIT (the upstream closed its end); the meter refreshes every 10 s
close_wait_seen() { [ "$(result_count "handle_hygiene_tcp_sockets{job=\"$JOB\", state=\"CLOSE_WAIT\"} >= 5")" = 1 ]; }
wait_until "Prometheus reads the 5 kept responses' sockets in CLOSE_WAIT" close_wait_seen
# the time gauges, under the names the README, the rules and the dashboard use (Prometheus' base unit adds _seconds)
for series in handle_hygiene_fd_exhaustion_eta_seconds handle_hygiene_tcp_sockets_age_seconds; do
  [ "$(result_count "$series{job=\"$JOB\"}")" = 1 ] || fail "no $series series scraped from the demo"
done
say "the time gauges are scraped as handle_hygiene_fd_exhaustion_eta_seconds and handle_hygiene_tcp_sockets_age_seconds"

# --- 4. every dashboard query returns data ---------------------------------------------------------------------------
# Grafana's variables replaced as a user's choice would: this job and instance; $__rate_interval as 4 scrapes
panel_queries() {
  python3 - "$DASHBOARD" "$JOB" "$INSTANCE" <<'PY'
import json, sys
dashboard, job, instance = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
# what Grafana needs to import it with a Prometheus of the user's choice
assert dashboard["schemaVersion"] >= 39, "schemaVersion"
variables = {v["name"]: v for v in dashboard["templating"]["list"]}
assert variables["datasource"]["type"] == "datasource" and variables["datasource"]["query"] == "prometheus"
assert all(variables[name]["type"] == "query" for name in ("job", "instance"))
ids = [panel["id"] for panel in dashboard["panels"]]
assert len(ids) == len(set(ids)), "panel ids must be unique"
for panel in dashboard["panels"]:
    for target in [panel] + panel.get("targets", []):
        assert target["datasource"]["uid"] == "${datasource}", panel["title"] + ": datasource is not ${datasource}"
    for target in panel.get("targets", []):
        expr = (target["expr"].replace("$__rate_interval", "4s")
                .replace("$instance", instance.replace(".", "\\\\.")).replace("$job", job))
        print(panel["title"] + "\t" + expr)
PY
}
variable_queries() {
  python3 - "$DASHBOARD" "$JOB" <<'PY'
import json, re, sys
dashboard, job = json.load(open(sys.argv[1])), sys.argv[2]
for variable in dashboard["templating"]["list"]:
    if variable["type"] == "query":
        m = re.fullmatch(r"label_values\((.+), (\w+)\)", variable["query"]["query"])
        print(variable["name"] + "\t" + m.group(2) + "\t" + m.group(1).replace("$job", job))
PY
}
variable_queries >"$work/variables.tsv" || fail "cannot read the variables of $DASHBOARD"
panel_queries >"$work/panels.tsv" || fail "$DASHBOARD is not an importable dashboard (see the assertion above)"
while IFS=$'\t' read -r name label match; do
  values=$(curl -sf --max-time 5 -G "$PROMETHEUS/api/v1/label/$label/values" --data-urlencode "match[]=$match" |
    jq -r '.data | join(",")')
  [ -n "$values" ] || fail "variable \$$name (label_values($match, $label)) has no values"
  say "variable \$$name: $values"
done <"$work/variables.tsv"

queries=0
while IFS=$'\t' read -r title expr; do
  count=$(result_count "$expr") || fail "panel \"$title\": query failed: $expr"
  queries=$((queries + 1))
  if [ "$count" -gt 0 ]; then
    say "panel \"$title\": $count series: $expr"
  else
    fail "panel \"$title\" returns no data: $expr"
  fi
done <"$work/panels.tsv"
[ "$queries" -ge 7 ] || fail "found only $queries panel queries in $DASHBOARD"

say "OK: rules checked and tested, $LEAK_ALERT quiet before the leaks and firing after, all $queries panel queries returned data"
