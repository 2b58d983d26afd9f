#!/usr/bin/python3
"""Where `brainj run examples/coba.yaml` spends its time before the first step, with and without
the class-data sharing archives that the `brainj` script makes after each build
(launcher/target/brainj-base.jsa and brainj.jsa on top of it), alternating, in fresh processes started as a user starts them: through
the `brainj` script, with its JVM options (the serial collector, the starting heap, the archive).
The runs without the archive map only the JDK's own default archive (a later -XX:SharedArchiveFile
in BRAINJ_JAVA_OPTS replaces the script's); shared_classes counts the classes mapped from either.

Phases are read from the JVM's class-load log (-Xlog:class+load with uptime): the launcher's Main
(JVM start), Felix's framework (bundles start after it), kernels (the first step kernel's source
is generated, then compiled with Janino or read from the kernel cache), the Network class (the spec is read and the network assembled), then the first step, estimated as the
class that writes the outputs (ConcurrentWrites, loaded when they start) less the loop's wall time the run reports; the outputs (data files and
pictures) from then to the last class loaded (the framework stopped). Also the whole process's wall and user + system CPU
time and peak RSS (/usr/bin/time).

Usage: startup.py [PAIRS: 3] [SPEC: examples/coba.yaml]; run ./brainj once first (it builds the
launcher and the archive).
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.path.join(ROOT, 'launcher', 'target')
# the JDK's own default archive (java.home/lib/server/classes.jsa)
JDK_ARCHIVE = os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(shutil.which('java') or 'java'))), 'lib', 'server',
                           'classes.jsa')
MARKERS = {'Main': 'org.brainj.launcher.Main ', 'Felix': 'org.apache.felix.framework.Felix ',
           'kernels': 'org.brainj.backend.cpu.codegen.KernelSource ', 'Network': 'org.brainj.api.sim.Network ',
           'outputs': 'org.brainj.launcher.output.ConcurrentWrites '}


def run(spec, with_archive):
    with tempfile.TemporaryDirectory() as work:
        log, times = os.path.join(work, 'cl.txt'), os.path.join(work, 'time.txt')
        options = f'-Xlog:class+load=info:file={log}:uptime'
        if not with_archive:
            options += f' -XX:SharedArchiveFile={JDK_ARCHIVE}'
        cmd = ['/usr/bin/time', '-o', times, '-f', '%e %U %S %M', os.path.join(ROOT, 'brainj'), 'run', spec,
               '--out', os.path.join(work, 'out')]
        done = subprocess.run(cmd, capture_output=True, text=True, check=True, env=dict(os.environ, BRAINJ_JAVA_OPTS=options))
        loop = float(re.search(r'steps \(.*?\) in ([0-9.]+) s', done.stdout + done.stderr).group(1))
        found = {}
        last = 0
        for line in open(log):
            last = float(line[1:line.index('s]')])
            for phase, marker in MARKERS.items():
                if phase not in found and marker in line:
                    found[phase] = last
        shared = sum(1 for line in open(log) if 'source: shared objects file' in line)
        wall, user, system, rss = open(times).read().split()[-4:]
        found.update(first_step=found['outputs'] - loop, loop=loop, outputs=last - found['outputs'], wall=float(wall),
                     cpu=float(user) + float(system), rss_mb=int(rss) / 1024, shared_classes=shared)
        return found


def main():
    pairs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    spec = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, 'examples', 'coba.yaml')
    archive = os.path.join(TARGET, 'brainj.jsa')
    if not os.path.exists(archive):
        sys.exit(f'{archive} missing: run ./brainj once (it makes the archive after building)')
    runs = {'without archive': [], 'with archive': []}
    for _ in range(pairs):
        runs["without archive"].append(run(spec, False))
        runs["with archive"].append(run(spec, True))
    keys = ['Main', 'Felix', 'kernels', 'Network', 'first_step', 'loop', 'outputs', 'wall', 'cpu', 'rss_mb', 'shared_classes']
    print(f"load {' '.join(open('/proc/loadavg').read().split()[:3])}; seconds of JVM uptime, medians of {pairs}:")
    print('| | ' + ' | '.join(keys) + ' |')
    print('|---' * (len(keys) + 1) + '|')
    for name, rs in runs.items():
        print(f'| {name} | ' + ' | '.join(f'{statistics.median(r[k] for r in rs):.2f}' for k in keys) + ' |')
    for name, rs in runs.items():
        print(f"{name}: first step " + ', '.join(f"{r['first_step']:.2f}" for r in rs) + ' s; wall '
              + ', '.join(f"{r['wall']:.1f}" for r in rs) + ' s')


if __name__ == '__main__':
    main()
