# Shared by startup-steps.sh and startup-counts.sh, which source it from the repository's root: the demo jar
# unpacked into a directory of its own, and the arguments that start the demo on loopback with the actuator on its
# own port, quietly.

# unpack_demo JAR NAME: stops the calling script unless the jar was built, unpacks it into a new directory under
# TMPDIR named after NAME, and sets work (that directory, which the caller removes) and classpath (the jar's).
unpack_demo() {
	[ -f "$1" ] || { echo "no $1: build it first (see the top of this script)" >&2; exit 1; }
	local jar
	jar=$(realpath "$1")
	work=$(mktemp -d "${TMPDIR:-/tmp}/$2.XXXXXX")
	(cd "$work" && unzip -q "$jar")
	classpath="$work/BOOT-INF/classes:$work/BOOT-INF/lib/*"
}

# Ports 18080 and 18081 must be free.
demo_arguments=(--server.address=127.0.0.1 --server.port=18080 --management.server.address=127.0.0.1
	--management.server.port=18081 --logging.level.root=WARN)
