#!/bin/sh
# A tiny supervisor for hosts without systemd: runs a command and starts it again whenever it exits non-zero.
#
#   sh supervise.sh java -jar target/handle-hygiene-demo.jar --handle-hygiene.restart.exit-on-critical=true
#
# - exit status 0: the command stopped on purpose; the supervisor exits 0 too.
# - any other status (75 from handle-hygiene's exit-on-critical, 1, 137, ...): restart after SUPERVISE_DELAY
#   seconds (default 1), at most SUPERVISE_MAX_RESTARTS times (default 5); then exit with the last status.
# - SIGTERM or SIGINT: passed to the command as SIGTERM (a JVM shuts down gracefully on it), then exit once it has.
#   SIGINT is sent on as SIGTERM because a non-interactive sh starts background commands with SIGINT ignored.
# Messages go to stderr, prefixed "supervise:".

max_restarts=${SUPERVISE_MAX_RESTARTS:-5}
delay=${SUPERVISE_DELAY:-1}

if [ "$#" -eq 0 ]; then
	echo "usage: supervise.sh command [argument ...]" >&2
	exit 64
fi

say() {
	echo "supervise: $*" >&2
}

# the process the supervisor is waiting on: the command, or the sleep between two runs
waiting_on=

stop() {
	trap '' TERM INT
	say "received $1, stopping pid $waiting_on"
	if [ -n "$waiting_on" ]; then
		kill -TERM "$waiting_on" 2>/dev/null
		wait "$waiting_on"
	fi
	exit "$2"
}
trap 'stop SIGTERM 143' TERM
trap 'stop SIGINT 130' INT

restarts=0
while :; do
	"$@" &
	waiting_on=$!
	say "started pid $waiting_on: $1"
	wait "$waiting_on"
	status=$?
	if [ "$status" -eq 0 ]; then
		say "exited with 0, not restarting"
		exit 0
	fi
	if [ "$restarts" -ge "$max_restarts" ]; then
		say "exited with $status, $restarts restarts already (SUPERVISE_MAX_RESTARTS), giving up"
		exit "$status"
	fi
	restarts=$((restarts + 1))
	say "exited with $status, restarting in ${delay}s (restart $restarts of $max_restarts)"
	# in the background, so that a signal during the delay is handled at once
	sleep "$delay" &
	waiting_on=$!
	wait "$waiting_on"
done
