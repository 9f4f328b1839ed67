#!/bin/sh
# Measures JVM start-up with 3,000 generated classes: no weaving, the Rollback agent, AspectJ LTW.
# Usage, from anywhere:  rollback-weaver/startup-benchmark.sh [runs per mode, default 7]
# Set JAVA to benchmark another JVM, e.g. JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java.
# Run it on an idle machine: the numbers are wall-clock times of whole JVM runs.
set -eu
cd "$(dirname "$0")/.."
runs="${1:-7}"
mvn -B -q -pl rollback-weaver -am package -DskipTests \
    dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
cd rollback-weaver
version=$(ls target/rollback-weaver-*-agent.jar | sed 's/.*rollback-weaver-\(.*\)-agent.jar/\1/')
exec java -cp "target/test-classes:$(cat target/test.classpath)" \
    -Drollback.test.java="${JAVA:-java}" \
    -Drollback.agent.jar="target/rollback-weaver-$version-agent.jar" -Drollback.test.classes=target/test-classes \
    dev.rollback.agent.StartupBenchmark "$runs" "target/rollback-weaver-$version-agent.jar" "target/rollback-weaver-$version.jar"
