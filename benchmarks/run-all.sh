#!/bin/sh
# Every benchmark case on BrainJ (cpu; aparapi where an OpenCL device exists) and Brian2 (C++
# standalone and the Cython runtime), alternating, into one markdown table: see run_all.py.
#   benchmarks/run-all.sh [--quick] [--readme benchmarks/README.md] [--cases A,B] [--sizes N,M] [--repeats R]
# Builds the benchmarks module first (offline, into target/ only).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
(cd "$HERE/.." && mvn -B -q -o package -DskipTests -pl benchmarks -am dependency:build-classpath \
    -Dmdep.outputFile=target/cp.txt) >&2
exec /usr/bin/python3 "$HERE/run_all.py" "$@"
