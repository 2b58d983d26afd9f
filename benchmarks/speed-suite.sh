#!/bin/sh
# Brian2's speed suite side by side with BrainJ, in one sitting on this machine: for each case and
# size, REPEATS times alternately Brian2 (C++ standalone, one thread, its own loop time) and BrainJ
# (org.brainj.benchmarks.speed.SpeedSuite: the loop only, after build; a fresh JVM per repeat),
# then a table of medians with the ratio of BrainJ's loop CPU time to Brian2's loop time (which is
# CPU time too: std::clock on one thread) and each side's check value (rate, mean state or events
# per target), which should agree within seed spread.
#
# Usage: benchmarks/speed-suite.sh [CASES] [SIZES] [REPEATS] [BACKEND]
#   CASES:   comma-separated case names of brian2/tests/features/speed.py (default: all nine)
#   SIZES:   comma-separated sizes (default 1000,10000)
#   REPEATS: runs per side (default 3)
#   BACKEND: BrainJ backend (default cpu)
# Environment: JAVA (default java), JAVA_OPTS (unset: --add-modules jdk.incubator.vector, as the brainj
# script starts the JVM: the CPU backend's kernels use the Vector API), OUT (raw JSON lines, default /tmp/speed-suite.jsonl).
# Build first, from the repository root:
#   mvn -B -q -o package -DskipTests -pl benchmarks -am dependency:build-classpath -Dmdep.outputFile=target/cp.txt
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
CASES=${1:-LinearNeuronsOnly,HHNeuronsOnly,CUBAFixedConnectivity,COBAHHFixedConnectivity,VerySparseMediumRateSynapsesOnly,SparseMediumRateSynapsesOnly,DenseMediumRateSynapsesOnly,SparseLowRateSynapsesOnly,SparseHighRateSynapsesOnly}
SIZES=${2:-1000,10000}
REPEATS=${3:-3}
BACKEND=${4:-cpu}
JAVA=${JAVA:-java}
OUT=${OUT:-/tmp/speed-suite.jsonl}
CP_FILE="$HERE/target/cp.txt"
if [ ! -f "$CP_FILE" ] || [ ! -d "$HERE/target/classes" ]; then
    echo "speed-suite: $CP_FILE missing; build first (see the header of $0)" >&2
    exit 2
fi
CP="$HERE/target/classes:$(cat "$CP_FILE")"
: > "$OUT"
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for case in $(echo "$CASES" | tr ',' ' '); do
    for n in $(echo "$SIZES" | tr ',' ' '); do
        r=0
        while [ "$r" -lt "$REPEATS" ]; do
            /usr/bin/python3 "$HERE/brian2/speed/run_brian2_speed.py" "$case" "$n" 1 \
                | sed 's/^{/{"side": "brian2", /' >> "$OUT"
            start=$(date +%s.%N)
            # shellcheck disable=SC2086
            line=$("$JAVA" ${JAVA_OPTS---add-modules jdk.incubator.vector} -cp "$CP" org.brainj.benchmarks.speed.SpeedSuite "$case" "$n" "$BACKEND" 2>/dev/null | tail -1)
            process=$(echo "$(date +%s.%N) - $start" | bc)
            echo "$line" | sed "s/^{/{\"side\": \"brainj\", \"process_s\": $process, /" >> "$OUT"
            tail -2 "$OUT" >&2
            r=$((r + 1))
        done
    done
done
/usr/bin/python3 "$HERE/speed-table.py" "$OUT"
