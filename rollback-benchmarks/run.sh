#!/usr/bin/env bash
# Runs the benchmarks in rounds of interleaved forks (hand-written code, the failure path's timed
# limit, ajc, the agent, the programmatic API, Spring AOP; in each round one fork of each, back to
# back, in an order rotated from round to round), with the GC profiler; then JVM start-up with
# each way of weaving. Or writes README's Performance section from recorded runs.
#
# Usage, from anywhere:
#   rollback-benchmarks/run.sh [--quick] [--no-startup] [--out DIR] [BenchmarkMain options]
#   rollback-benchmarks/run.sh --readme DIR17 DIR25      (one run directory per JDK, any number)
# Default: 5 rounds, each fork 3 x 1 s warm-up + 3 x 1 s measurement, every scenario (about 35
# minutes on 2 cores; the estimate is printed first). --quick: 3 rounds of 2 x 0.5 s + 2 x 0.5 s on
# success-0/1/10, no-scope and failure-10 (a few minutes), indicative only.
# BenchmarkMain options: --rounds N, --warmup N, --iterations N, --time DURATION (1s, 200ms),
#   --include REGEX (JMH's, on benchmark names, e.g. 'Success'), --scenarios success-1,success-10,
#   --variants ajc,agent (the baselines always run)
#   e.g. run.sh --no-startup --scenarios success-1,success-10 --variants ajc,agent   (about 4 minutes)
# Set JAVA_HOME to benchmark another JDK. Run on an otherwise idle machine.
# Writes DIR (default rollback-benchmarks/target/benchmarks): results.txt (what --readme reads),
# table.md, run.log, jmh-round-N.json and round-N.log (JMH's output), and prints
#   NS <scenario> <variant> <median ns/op> <lowest round, % from it> <highest round> <stability> (<every round>)
#   RATIO <scenario> <variant>/<baseline> <median ratio> <lowest> <highest> stable|unstable|unrated (<every round>)
#   ALLOC <scenario> <variant> <B/op over hand-written>
#   STARTUP <variant>/none <ratio>
# --readme copies each DIR/results.txt to rollback-benchmarks/results/jdk-N.txt and rewrites the root
# README.md between <!-- performance:begin --> and <!-- performance:end --> from them; commit both.
set -euo pipefail
startup=yes
readme=""
out=""
pass=()
while [ $# -gt 0 ]; do
    case "$1" in
        --no-startup) startup="" ;;
        --readme) readme=yes ;;
        --out)
            [ $# -ge 2 ] || { echo "--out needs a directory" >&2; exit 2; }
            out="$(realpath -m "$2")"
            shift ;;
        *)
            if [ -n "$readme" ]; then pass+=("$(realpath -m "$1")"); else pass+=("$1"); fi ;;
    esac
    shift
done
command="rollback-benchmarks/run.sh${pass[*]:+ ${pass[*]}}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cd "$(dirname "$0")/.."
mvn -B -q -pl rollback-benchmarks -am package -DskipTests
cd rollback-benchmarks
classpath="target/classes:$(cat target/benchmark.classpath)"

if [ -n "$readme" ]; then
    [ ${#pass[@]} -ge 1 ] || { echo "--readme needs the run directories, one per JDK, e.g. --readme DIR17 DIR25" >&2; exit 2; }
    exec "$java" -cp "$classpath" dev.rollback.benchmarks.ReadmeSection ../README.md results "${pass[@]}"
fi

out="${out:-$PWD/target/benchmarks}"
mkdir -p "$out"
# everything below is also written to run.log, the record of the run the published numbers come from
exec > >(tee "$out/run.log") 2>&1

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -n 1)"
"$java" -version 2>&1 | head -n 1
echo "load average before the run: $(cut -d ' ' -f 1-3 /proc/loadavg)"

# In the module's directory: the agent forks find target/rollback-agent.jar relative to it.
"$java" -cp "$classpath" dev.rollback.benchmarks.BenchmarkMain --out "$out" --command "$command" ${pass[@]+"${pass[@]}"}

if [ -n "$startup" ]; then
    runs=9
    [[ " ${pass[*]-} " == *" --quick "* ]] && runs=5
    "$java" -cp "$classpath" dev.rollback.benchmarks.startup.StartupBenchmark "$runs" target/rollback-agent.jar target/startup \
        | tee "$out/startup.log"
    grep '^STARTUP ' "$out/startup.log" >> "$out/results.txt"
fi
