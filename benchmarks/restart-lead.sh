#!/bin/sh
# How long before the limit liveness goes DOWN, at the defaults, for leaks of given rates: the lead a platform gets
# to restart the process. Runs RestartInTimeTest's child service (autoconfigure's test classes), one per rate and
# all at once, each under `ulimit -n LIMIT` with -XX:-MaxFDLimit and light load on loopback, leaking one file
# descriptor per request at the rate until the first leak fails. Prints, per rate, the first liveness DOWN (its rule
# and timeToLimit), the limit, and the lead between them. Not a test: a measurement for people.
#
#   sh benchmarks/restart-lead.sh 1 10 50          # rates in descriptors a second; LIMIT=1024 by default
#
# A leak of 1 a second takes about 15 minutes to reach 1,024. Starts only its own JVMs; they end by themselves
# (each is also bounded by `timeout`).
set -eu
cd "$(dirname "$0")/.."

limit=${LIMIT:-1024}
[ $# -gt 0 ] || set -- 1 10 50
logs=$(mktemp -d "${TMPDIR:-/tmp}/restart-lead.XXXXXX")

# the test classpath as surefire builds it for autoconfigure: without the optional servers, clients and Log4j2 that
# its pom keeps out of the tests (Tomcat serves, Logback logs)
./mvnw -B -q -pl core,autoconfigure -am test-compile dependency:build-classpath -DincludeScope=test \
	-DexcludeArtifactIds=spring-boot-jetty,spring-boot-reactor-netty,spring-boot-netty,reactor-netty-http,reactor-netty-core,reactor-core,httpclient5,log4j-core \
	-Dmdep.outputFile="$logs/classpath.txt" >"$logs/build.log" 2>&1 || { cat "$logs/build.log" >&2; exit 1; }
classpath="autoconfigure/target/test-classes:autoconfigure/target/classes:$(cat "$logs/classpath.txt")"

pids=
for rate in "$@"; do
	# at 1 a second the limit is about 15 minutes away: a bound well beyond that
	( ulimit -n "$limit" && exec timeout 1800 java -XX:-MaxFDLimit -Xmx256m -cp "$classpath" \
		dev.handlehygiene.restart.LeakingServiceChild leak "$rate" ) >"$logs/leak-$rate.log" 2>&1 &
	pids="$pids $!"
done
for pid in $pids; do
	wait "$pid" || true
done

echo "rate/s | first liveness DOWN (s after start) | rule | timeToLimit | open | limit reached (s) | lead (s)"
for rate in "$@"; do
	awk -v rate="$rate" '
		/^LIVENESS t=[0-9]+ DOWN/ && !down {
			down = 1; split($2, t, "="); downAt = t[2] / 1000
			match($0, /"rule":"[a-z]+"/); rule = substr($0, RSTART + 8, RLENGTH - 9)
			ttl = "-"; if (match($0, /"timeToLimit":"[^"]+"/)) ttl = substr($0, RSTART + 15, RLENGTH - 16)
			match($0, /"open":[0-9]+/); open = substr($0, RSTART + 7, RLENGTH - 7)
		}
		/^LIMIT t=/ && !limit { limit = 1; split($2, t, "="); limitAt = t[2] / 1000 }
		END {
			if (!down) { printf "%s | never | - | - | - | %s | -\n", rate, limit ? limitAt : "not reached"; exit }
			printf "%s | %.1f | %s | %s | %s | %s | %s\n", rate, downAt, rule, ttl, open,
				limit ? sprintf("%.1f", limitAt) : "not reached", limit ? sprintf("%.1f", limitAt - downAt) : "-"
		}' "$logs/leak-$rate.log"
done
echo "(logs in $logs)"
