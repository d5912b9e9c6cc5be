# Sourced by the benchmark scripts: each adds the PID of every process it starts to `pids`, and stop_all ends those,
# and only those, by PID. SIGTERM first, so a JVM shuts down gracefully; kill -9 after 20 s, so the script always ends.
pids=()
stop_all() {
	for pid in "${pids[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${pids[@]}"; do
		for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
		kill -9 "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	pids=()
}
