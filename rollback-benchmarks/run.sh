#!/usr/bin/env bash
# Runs the benchmarks: JMH (hand-written code, ajc, the agent, the programmatic API, Spring AOP,
# all in one run, with the GC profiler), then JVM start-up with each way of weaving.
#
# Usage, from anywhere:  rollback-benchmarks/run.sh [--quick] [--no-startup]
#   --quick       one fork, short iterations (a few minutes on 2 cores); default: the published settings
#   --no-startup  skip the start-up benchmark
# Set JAVA_HOME to benchmark another JDK. Run the default on an otherwise idle machine.
# Writes target/benchmarks/jmh.json, table.md and run.log (jmh-quick.json, ... with --quick), and prints
#   RATIO <scenario> <variant>/handwritten <ns/op ratio>
#   ALLOC <scenario> <variant> <B/op over hand-written>
#   STARTUP <variant>/none <ratio>
set -euo pipefail
quick=""
startup=yes
for arg in "$@"; do
    case "$arg" in
        --quick) quick="--quick" ;;
        --no-startup) startup="" ;;
        *) echo "unknown argument '$arg'; accepted: --quick, --no-startup" >&2; exit 2 ;;
    esac
done
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cd "$(dirname "$0")/.."
mvn -B -q -pl rollback-benchmarks -am package -DskipTests
cd rollback-benchmarks
classpath="target/classes:$(cat target/benchmark.classpath)"
mkdir -p target/benchmarks
log=target/benchmarks/run${quick:+-quick}.log
# everything below is also written to $log, the record of the run the published numbers come from
exec > >(tee "$log") 2>&1

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -n 1)"
"$java" -version 2>&1 | head -n 1
echo "load average before the run: $(cut -d ' ' -f 1-3 /proc/loadavg)"

# In the module's directory: the agent forks find target/rollback-agent.jar relative to it.
"$java" -cp "$classpath" dev.rollback.benchmarks.BenchmarkMain $quick --out target/benchmarks

if [ -n "$startup" ]; then
    runs=9
    [ -n "$quick" ] && runs=5
    "$java" -cp "$classpath" dev.rollback.benchmarks.startup.StartupBenchmark "$runs" target/rollback-agent.jar target/startup
fi
