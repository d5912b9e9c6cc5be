#!/usr/bin/env bash
# What the starter makes Spring do at start-up, counted: how many configuration classes Spring parses, @Bean methods
# it reads, bean definitions it registers, conditions it evaluates and properties classes it binds, with the starter
# on and with --handle-hygiene.enabled=false (OFF), and the time each of these took in all. Counts come from JFR's
# method timing (JDK 25 and later), so this runs the demo on the second JDK these machines have (JDK25). Not a test:
# a measurement for people.
#
#   ./mvnw -B -DskipTests clean package -pl demo-app -am
#   bash benchmarks/startup-counts.sh
#
# Why counts: on 2 shared cores a whole start-up spreads by a second from run to run, so the starter's few hundred
# milliseconds are hard to place by timing alone. The number of times each piece of Spring's machinery runs does
# not vary between runs, and each piece's time per call, pooled over many calls, is steadier than any one phase.
# Times of methods that call one another overlap (the parse holds the conditions); they are not meant to be summed.
#
# Ports 18080 and 18081 must be free. Starts only its own JVMs, one at a time, and waits for each to exit.
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/startup/demo.sh

jar=${JAR:-demo-app/target/handle-hygiene-demo.jar}
runs=${RUNS:-6}
java25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin
on=${ON:-}
off=${OFF:---handle-hygiene.enabled=false}
[ -x "$java25/java" ] || { echo "no JDK 25 at $java25: set JDK25 to one (JFR method timing needs it)" >&2; exit 1; }
unpack_demo "$jar" startup-counts

# one line each: what it stands for, then the method JFR times
methods=$(cat <<'EOF'
the-parse                  org.springframework.context.annotation.ConfigurationClassPostProcessor::processConfigBeanDefinitions
configuration-classes      org.springframework.context.annotation.ConfigurationClassParser::doProcessConfigurationClass
bean-methods-read          org.springframework.context.annotation.ConfigurationClassBeanDefinitionReader::loadBeanDefinitionsForBeanMethod
bean-definitions           org.springframework.beans.factory.support.DefaultListableBeanFactory::registerBeanDefinition
bean-conditions            org.springframework.boot.autoconfigure.condition.OnBeanCondition::getMatchOutcome
class-conditions           org.springframework.boot.autoconfigure.condition.OnClassCondition::getMatchOutcome
property-conditions        org.springframework.boot.autoconfigure.condition.OnPropertyCondition::getMatchOutcome
properties-bound           org.springframework.boot.context.properties.ConfigurationPropertiesBinder::bind
singletons-created         org.springframework.beans.factory.support.DefaultListableBeanFactory::preInstantiateSingletons
endpoint-discovery         org.springframework.boot.actuate.endpoint.annotation.EndpointDiscoverer::getEndpoints
management-context-start   org.springframework.boot.actuate.autoconfigure.web.server.ChildManagementContextInitializer::start
EOF
)
filter=$(echo "$methods" | awk '{print $2}' | paste -sd ';')

for run in $(seq 1 "$runs"); do
	if [ $((run % 2)) -eq 1 ]; then order="on off"; else order="off on"; fi
	for name in $order; do
		if [ "$name" = on ]; then args=$on; else args=$off; fi
		# shellcheck disable=SC2086 # the arguments are words
		"$java25/java" "-XX:StartFlightRecording:method-timing=$filter,filename=$work/$name-$run.jfr" -cp "$classpath" \
			benchmarks/startup/StartupSteps.java "${demo_arguments[@]}" $args > /dev/null
		"$java25/jfr" print --events jdk.MethodTiming "$work/$name-$run.jfr" > "$work/$name-$run.txt"
	done
	echo "run $run of $runs done"
done

echo "$methods" > "$work/methods"
python3 - "$work" "$runs" <<'PYEOF'
import collections, glob, os, re, statistics, sys
work, runs = sys.argv[1], sys.argv[2]
labels = {}
for line in open(os.path.join(work, "methods")):
    label, method = line.split()
    labels[method.replace("::", ".")] = label
units = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1000.0}
calls = collections.defaultdict(lambda: collections.defaultdict(list))
millis = collections.defaultdict(lambda: collections.defaultdict(list))
for path in glob.glob(os.path.join(work, "*-*.txt")):
    side = os.path.basename(path).split("-")[0]
    found = collections.Counter(); spent = collections.Counter()
    for event in open(path).read().split("jdk.MethodTiming")[1:]:
        method = re.search(r"method = ([\w.$]+)\(", event).group(1)
        count = int(re.search(r"invocations = (\d+)", event).group(1))
        average = re.search(r"average = ([\d.]+) (\w+)", event)
        found[method] += count
        if count and average:
            spent[method] += count * float(average.group(1)) * units[average.group(2)]
    for method in labels:
        calls[method][side].append(found[method]); millis[method][side].append(spent[method])
print()
print(f"{'medians of ' + runs + ' runs':<26} {'calls on':>9} {'off':>6} {'added':>6}   {'ms on':>8} {'off':>8} {'added':>8}")
for method, label in labels.items():
    c_on, c_off = statistics.median(calls[method]["on"]), statistics.median(calls[method]["off"])
    m_on, m_off = statistics.median(millis[method]["on"]), statistics.median(millis[method]["off"])
    print(f"{label:<26} {c_on:9.0f} {c_off:6.0f} {c_on - c_off:+6.0f}   {m_on:8.1f} {m_off:8.1f} {m_on - m_off:+8.1f}")
PYEOF
rm -rf "$work"
