#!/usr/bin/python3
"""Every benchmark case on BrainJ and on Brian2, alternating, into one table (see run-all.sh).

Cases: Brian2's speed suite (brian2/tests/features/speed.py: Linear, HH, CUBA, COBAHH, STDP with
Poisson input, the five SynapsesOnly variants) at 10^3, 10^4 and 10^5 neurons where Brian2's own
n_range goes that far, plus COBA (4000) and Brunel delta (12,500). Sides, run in turn for each
repeat: Brian2 C++ standalone (one thread), Brian2 runtime with Cython, BrainJ's cpu backend and,
where an OpenCL device exists, BrainJ's aparapi backend (at the smallest size only; on PoCL, a CPU
OpenCL device far slower than cpu, only CUBA and COBAHH, as a check of their rates). Each run is a fresh process under
/usr/bin/time, which gives the whole process's wall time and peak RSS (of the process tree:
Brian2's standalone binary included). Brian2's compiled code is kept between runs (standalone's
project folder per case and size under ~/.cache/brainj-benchmarks, Cython's extension cache), so
its process time is that of a rerun, which recompiles only what changed (main.cpp for a new seed).

Columns, medians over repeats: the loop (Brian2's own measure: CPU time for standalone, wall time
for the Cython runtime; BrainJ's process CPU time of network.run, JIT and GC threads included), the
whole process, the peak RSS, bytes per synapse (BrainJ: the heap the built network holds after a
full GC over its synapses, so neuron state, kernels and monitors count too; Brian2: its
per-synapse arrays' item sizes, an undercount of its process's memory), synaptic events (on_pre
deliveries) per second of loop, the check value (rate, mean state or events per target) and
BrainJ's ratios: loop over Brian2 C++ standalone's loop, process over Brian2's fastest process.
BrainJ's loop is also given as wall time (what summary.json reports, and issue 11's measure), with
its ratio to Brian2 C++ standalone's loop: on a single-threaded loop Brian2's CPU time is its wall
time, while BrainJ's CPU time also counts the JIT compiler's and the collector's threads, which run
beside the loop on another core.

Usage: run_all.py [--quick] [--repeats R] [--cases A,B] [--sizes N,M] [--no-aparapi] [--out FILE] [--readme FILE]
       run_all.py --table FILE   (the table of an earlier run's JSON lines)
"""
import argparse
import datetime
import glob
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BRIAN2_RUNNER = os.path.join(HERE, 'brian2', 'speed', 'run_brian2_speed.py')
# case: the sizes Brian2's speed suite runs it at, up to 10^5 (its n_range)
SPEED = {
    'LinearNeuronsOnly': (1000, 10000, 100000),
    'HHNeuronsOnly': (1000, 10000, 100000),
    'CUBAFixedConnectivity': (1000, 10000, 100000),
    'COBAHHFixedConnectivity': (1000, 10000, 100000),
    'STDP': (1000, 10000, 100000),
    'VerySparseMediumRateSynapsesOnly': (1000, 10000, 100000),
    'SparseMediumRateSynapsesOnly': (1000, 10000, 100000),
    'DenseMediumRateSynapsesOnly': (1000, 10000),
    'SparseLowRateSynapsesOnly': (1000, 10000, 100000),
    'SparseHighRateSynapsesOnly': (1000, 10000),
}
FIXED = {'COBA': 4000, 'BrunelDelta': 12500}
# on PoCL each kernel launch costs tens of microseconds: a rate check of two networks, not a speed measure
POCL_CASES = ('CUBAFixedConnectivity', 'COBAHHFixedConnectivity')
BEGIN, END = '<!-- run-all table: begin -->', '<!-- run-all table: end -->'


def opencl_platform():
    """The OpenCL vendors the ICD loader would offer ('pocl' when only PoCL), or None."""
    icds = glob.glob('/etc/OpenCL/vendors/*.icd')
    return ','.join(sorted(os.path.basename(f)[:-4] for f in icds)) or None


def timed(cmd, timeout, env=None):
    """Runs cmd under /usr/bin/time: (stdout, wall s, peak RSS MB), or None when it failed."""
    with tempfile.NamedTemporaryFile('r', suffix='.time') as t:
        try:
            done = subprocess.run(['/usr/bin/time', '-o', t.name, '-f', '%e %M'] + cmd, capture_output=True,
                                  text=True, timeout=timeout, env=env)
        except subprocess.TimeoutExpired:
            sys.stderr.write(f'timed out after {timeout} s: {" ".join(cmd)}\n')
            return None
        if done.returncode != 0:
            sys.stderr.write(done.stderr[-2000:] + f'failed: {" ".join(cmd)}\n')
            return None
        wall, rss = t.read().split()[-2:]
        return done.stdout, float(wall), int(rss) / 1024


def run_brian2(case, n, target, seed, timeout):
    # standalone's project kept per case and size: after the first run only main.cpp (the seed) recompiles
    build = os.path.join(os.path.expanduser('~'), '.cache', 'brainj-benchmarks', f'{case}-{n}')
    out = timed(['/usr/bin/python3', BRIAN2_RUNNER, case, str(n), '--target', target, '--seed', str(seed),
                 '--build-dir', build], timeout)
    if out is None:
        return None
    r = json.loads(out[0].strip().splitlines()[-1])
    r.update(side=f'Brian2 {"C++ standalone" if target == "cpp_standalone" else "Cython runtime"}',
             loop_cpu=target == 'cpp_standalone', process_s=out[1], rss_mb=out[2],
             bytes_per_synapse=r['synapse_bytes'] / r['synapses'] if r['synapses'] else None)
    return r


def jsig_env(java):
    """The environment with the JVM's signal-chaining library preloaded, as the brainj script does: an OpenCL
    runtime (PoCL's LLVM) replaces the JVM's signal handlers otherwise, which could kill a two-thread run."""
    home = os.path.dirname(os.path.dirname(os.path.realpath(shutil.which(java) or java)))
    jsig = os.path.join(home, 'lib', 'libjsig.so')
    if not os.path.isfile(jsig):
        return None
    env = dict(os.environ)
    env['LD_PRELOAD'] = jsig + (':' + env['LD_PRELOAD'] if env.get('LD_PRELOAD') else '')
    return env


def run_brainj(case, n, backend, seed, timeout, java, cp, label):
    # unset JAVA_OPTS: the JVM as the brainj script starts it (the serial collector, a 64 MB starting heap, the
    # Vector API the CPU backend's lanes use), so peak memory and loop are what a user's run shows
    opts = os.environ.get('JAVA_OPTS', '-XX:+UseSerialGC -Xms64m --add-modules jdk.incubator.vector')
    cmd = [java] + opts.split() + ['-cp', cp, 'org.brainj.benchmarks.speed.SpeedSuite',
                                                              case, str(n), backend, str(seed)]
    out = timed(cmd, timeout, jsig_env(java))
    if out is None:
        return None
    r = json.loads(out[0].strip().splitlines()[-1])
    r.update(side=label, loop_wall_s=r['loop_s'], loop_s=r['loop_cpu_s'], loop_cpu=True, process_s=out[1],
             rss_mb=out[2], bytes_per_synapse=r['heap_bytes'] / r['synapses'] if r['synapses'] else None)
    return r


def check_of(r):
    return next((k, r[k]) for k in ('rate_hz', 'mean_w', 'mean_v') if k in r)


def table(results):
    """Markdown: one row per case, size and side, medians over repeats."""
    groups = {}
    for r in results:
        groups.setdefault((r['case'], r['n']), {}).setdefault(r['side'], []).append(r)
    lines = ['| case | N | side | loop s | loop wall s | process s | peak RSS MB | B / synapse | events / s | check '
             '| loop / Brian2 C++ | loop wall / Brian2 C++ | process / Brian2 fastest |',
             '|---|---|---|---|---|---|---|---|---|---|---|---|---|']
    for (case, n), sides in groups.items():
        med = {side: {k: statistics.median(r[k] for r in rs) for k in ('loop_s', 'process_s', 'rss_mb', 'loop_wall_s')
                      if k in rs[0]} for side, rs in sides.items()}
        cpp = med.get('Brian2 C++ standalone')
        brian_processes = [m['process_s'] for s, m in med.items() if s.startswith('Brian2')]
        for side, rs in sides.items():
            m = med[side]
            bps = rs[0]['bytes_per_synapse']
            events = statistics.median(r['events'] / r['loop_s'] for r in rs if r['loop_s'] > 0) if rs[0]['events'] else 0
            name, _ = check_of(rs[0])
            check = statistics.median(check_of(r)[1] for r in rs)
            brainj = side.startswith('BrainJ')
            loop_ratio = f"{m['loop_s'] / cpp['loop_s']:.2f}" if brainj and cpp and cpp['loop_s'] > 0 else ''
            wall = m.get('loop_wall_s') if brainj else None
            wall_ratio = f"{wall / cpp['loop_s']:.2f}" if wall is not None and cpp and cpp['loop_s'] > 0 else ''
            process_ratio = f"{m['process_s'] / min(brian_processes):.2f}" if brainj and brian_processes else ''
            lines.append(
                f"| {case} | {n} | {side}{'' if len(rs) == 1 else f' ({len(rs)})'} "
                f"| {m['loop_s']:.3f}{'' if rs[0]['loop_cpu'] else ' wall'} | {'' if wall is None else f'{wall:.3f}'} "
                f"| {m['process_s']:.1f} | {m['rss_mb']:.0f} "
                f"| {'' if bps is None else f'{bps:.1f}'} | {'' if not events else f'{events:.3g}'} "
                f"| {name} {check:.4g} | {loop_ratio} | {wall_ratio} | {process_ratio} |")
    return '\n'.join(lines)


def machine():
    cpu = next((line.split(':', 1)[1].strip() for line in open('/proc/cpuinfo') if line.startswith('model name')), '?')
    java = subprocess.run(['java', '-version'], capture_output=True, text=True).stderr.splitlines()[0]
    brian = subprocess.run(['/usr/bin/python3', '-c', 'import brian2; print(brian2.__version__)'], capture_output=True,
                           text=True).stdout.strip()
    return f'{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, {java}, Brian2 {brian}'


def load():
    return open('/proc/loadavg').read().split()[:3]


def write_readme(path, text):
    readme = open(path).read()
    if BEGIN not in readme or END not in readme:
        sys.exit(f'{path}: no "{BEGIN}" ... "{END}" markers to write the table between')
    head, rest = readme.split(BEGIN, 1)
    open(path, 'w').write(head + BEGIN + '\n' + text + '\n' + END + rest.split(END, 1)[1])


def main():
    a = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    a.add_argument('--quick', action='store_true', help='10^3 only (and COBA, Brunel), one repeat')
    a.add_argument('--repeats', type=int)
    a.add_argument('--cases', help='comma-separated names (default: all)')
    a.add_argument('--sizes', help='comma-separated sizes for the speed-suite cases (default: 10^3..10^5)')
    a.add_argument('--out', default='/tmp/run-all.jsonl', help='raw JSON lines')
    a.add_argument('--readme', help='write the table between the run-all markers of this file')
    a.add_argument('--no-aparapi', action='store_true', help='BrainJ cpu only, even where OpenCL exists')
    a.add_argument('--timeout', type=int, default=900, help='seconds per run')
    a.add_argument('--table', metavar='FILE', help='only print the table of an earlier run\'s JSON lines')
    args = a.parse_args()
    if args.table:
        print(table([json.loads(line) for line in open(args.table) if line.strip()]))
        return
    repeats = args.repeats or (1 if args.quick else 3)
    sizes = [int(s) for s in args.sizes.split(',')] if args.sizes else [1000] if args.quick else None
    names = args.cases.split(',') if args.cases else list(SPEED) + list(FIXED)
    unknown = [c for c in names if c not in SPEED and c not in FIXED]
    if unknown:
        sys.exit(f'unknown case(s) {unknown}; known: {list(SPEED) + list(FIXED)}')
    cp_file = os.path.join(HERE, 'target', 'cp.txt')
    if not os.path.exists(cp_file):
        sys.exit(f'{cp_file} missing: build first (mvn -B -q -o package -DskipTests -pl benchmarks -am '
                 'dependency:build-classpath -Dmdep.outputFile=target/cp.txt)')
    cp = os.path.join(HERE, 'target', 'classes') + ':' + open(cp_file).read().strip()
    java = os.environ.get('JAVA', 'java')
    opencl = None if args.no_aparapi else opencl_platform()
    runs = [(c, n) for c in names for n in ([FIXED[c]] if c in FIXED else [n for n in SPEED[c] if not sizes or n in sizes])]
    smallest = min(n for _, n in runs)
    started, load0 = datetime.datetime.utcnow(), load()
    results = []
    with open(args.out, 'w') as out:
        for case, n in runs:
            for r in range(repeats):
                seed = 1 + r
                sides = [lambda: run_brian2(case, n, 'cpp_standalone', seed, args.timeout),
                         lambda: run_brian2(case, n, 'cython', seed, args.timeout),
                         lambda: run_brainj(case, n, 'cpu', seed, args.timeout, java, cp, 'BrainJ cpu')]
                if opencl and n == smallest and (opencl != 'pocl' or case in POCL_CASES):
                    label = f'BrainJ aparapi ({opencl}{", a CPU OpenCL" if opencl == "pocl" else ""})'
                    sides.append(lambda: run_brainj(case, n, 'aparapi', seed, args.timeout, java, cp, label))
                for side in sides:
                    result = side()
                    if result is not None:
                        results.append(result)
                        out.write(json.dumps(result) + '\n')
                        out.flush()
                        sys.stderr.write(f"{case} {n} {result['side']}: loop {result['loop_s']:.3f} s, "
                                         f"process {result['process_s']:.1f} s, {check_of(result)}\n")
    text = (f"{started:%Y-%m-%d %H:%M}-{datetime.datetime.utcnow():%H:%M} UTC, `benchmarks/run-all.sh "
            f"{' '.join(sys.argv[1:])}`, load average {' '.join(load0)} at the start and {' '.join(load())} at "
            f"the end; {machine()}.\n\n{table(results)}")
    print(text)
    if args.readme:
        write_readme(args.readme, text)


if __name__ == '__main__':
    main()
