#!/bin/sh
# Whole-process CPU of the demo while idle: handle-hygiene with its descriptor sampler every second, against
# handle-hygiene switched off (and, third, the sampler plus the exit-on-critical watcher). The JVMs run side by
# side, so they share the machine's conditions; CPU is read from /proc/<pid>/stat (utime + stime) once each JVM has
# started, and again after the idle period. Not a test: a measurement for people.
#
#   ./mvnw -B -DskipTests clean package -pl demo-app -am
#   sh benchmarks/sampler-cpu.sh            # 60 s idle; sh benchmarks/sampler-cpu.sh 120 for longer
#
# The idle period starts SETTLE_SECONDS (default 30) after the last JVM has started: right after start-up the JIT
# is still compiling, which costs each JVM more CPU than anything idle does and differs from run to run.
#
# Starts only its own JVMs and stops them by PID. Ports 18080-18085 must be free.
set -eu
cd "$(dirname "$0")/.."

idle_seconds=${1:-60}
settle_seconds=${SETTLE_SECONDS:-30}
jar=demo-app/target/handle-hygiene-demo.jar
ticks_per_second=$(getconf CLK_TCK)
logs=$(mktemp -d "${TMPDIR:-/tmp}/sampler-cpu.XXXXXX")

[ -f "$jar" ] || { echo "no $jar: build it first (see the top of this script)" >&2; exit 1; }

pids=
stop_all() {
	for pid in $pids; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in $pids; do
		wait "$pid" 2>/dev/null || true
	done
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# start NAME SERVER_PORT MANAGEMENT_PORT ARGUMENT...: prints the JVM's PID ($! is the JVM itself, not a subshell)
start() {
	name=$1 server_port=$2 management_port=$3
	shift 3
	java -jar "$jar" --server.port="$server_port" --management.server.port="$management_port" "$@" \
		>"$logs/$name.log" 2>&1 &
	pids="$pids $!"
	eval "pid_$name=$!"
	echo "started $name as pid $!: java -jar $jar --server.port=$server_port --management.server.port=$management_port $*"
}

# utime + stime of a process, in clock ticks; fields counted after the ")" that ends the command name
cpu_ticks() {
	sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}

await_started() {
	waited=0
	until grep -q 'Started DemoApplication' "$logs/$1.log"; do
		waited=$((waited + 1))
		if [ "$waited" -gt 240 ]; then
			echo "$1 did not start within 120 s; see $logs/$1.log" >&2
			exit 1
		fi
		sleep 0.5
	done
}

start sampler 18080 18081 --handle-hygiene.fd.sample-interval=1s
start off 18082 18083 --handle-hygiene.enabled=false
start watcher 18084 18085 --handle-hygiene.fd.sample-interval=1s --handle-hygiene.restart.exit-on-critical=true

for name in sampler off watcher; do
	await_started "$name"
done

echo "all started; settling for ${settle_seconds}s"
sleep "$settle_seconds"
for name in sampler off watcher; do
	eval "pid=\$pid_$name"
	eval "before_$name=$(cpu_ticks "$pid")"
done
echo "idle for ${idle_seconds}s (logs in $logs)"
sleep "$idle_seconds"
for name in sampler off watcher; do
	eval "pid=\$pid_$name"
	eval "after_$name=$(cpu_ticks "$pid")"
done

echo "CPU (user + system) over ${idle_seconds}s idle, ${settle_seconds}s after start-up; ${ticks_per_second} ticks per second:"
for name in sampler off watcher; do
	eval "pid=\$pid_$name before=\$before_$name after=\$after_$name"
	awk -v name="$name" -v pid="$pid" -v b="$before" -v a="$after" -v hz="$ticks_per_second" -v s="$idle_seconds" \
		'BEGIN { printf "%-8s pid %-7s until idle %7.2f s   idle %6.2f s   per minute %6.3f s\n", name, pid, b / hz, (a - b) / hz, (a - b) / hz * 60 / s }'
done
awk -v a="$after_sampler" -v b="$before_sampler" -v c="$after_off" -v d="$before_off" -v hz="$ticks_per_second" \
	-v s="$idle_seconds" \
	'BEGIN { printf "sampler - off: %+.3f s CPU per minute idle\n", ((a - b) - (c - d)) / hz * 60 / s }'
awk -v a="$after_watcher" -v b="$before_watcher" -v c="$after_sampler" -v d="$before_sampler" \
	-v hz="$ticks_per_second" -v s="$idle_seconds" \
	'BEGIN { printf "watcher - sampler: %+.3f s CPU per minute idle\n", ((a - b) - (c - d)) / hz * 60 / s }'
