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

# classpath_of DIR [without-starter]: DIR's (an unpacked jar's) classes and every jar of its BOOT-INF/lib, in name
# order; with without-starter, every jar but handle-hygiene's own: the demo as it would be built without the starter.
# The demo's classes name none of the starter's types (startup-baseline.sh checks), so it starts without them.
classpath_of() {
	local jar path="$1/BOOT-INF/classes"
	for jar in "$1"/BOOT-INF/lib/*.jar; do
		if [ "${2:-}" = without-starter ]; then
			case ${jar##*/} in handle-hygiene-*) continue ;; esac
		fi
		path="$path:$jar"
	done
	echo "$path"
}

# Ports 18080 and 18081 must be free, or others given as DEMO_PORTS="<server> <management>".
read -r demo_port management_port <<< "${DEMO_PORTS:-18080 18081}"
demo_arguments=(--server.address=127.0.0.1 "--server.port=$demo_port" --management.server.address=127.0.0.1
	"--management.server.port=$management_port" --logging.level.root=WARN)
