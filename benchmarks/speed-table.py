#!/usr/bin/python3
"""The markdown table of speed-suite.sh's JSON lines: per case and size, the medians over repeats
of Brian2's loop time (its own measure: std::clock, the process's CPU time, when it runs on one
thread), BrainJ's loop wall time, BrainJ's loop CPU time (the process's, which also counts the
JIT compiler and GC threads, and the calling thread's alone), the ratio of BrainJ's loop CPU to
Brian2's loop, both processes' wall time, and both sides' check value (the same measure, to
compare results, not only times).

Usage: speed-table.py FILE.jsonl
"""
import json
import statistics
import sys

CHECKS = ('rate_hz', 'mean_v', 'mean_w')


def main():
    runs = {}
    for line in open(sys.argv[1]):
        if line.strip():
            r = json.loads(line)
            runs.setdefault((r['case'], r['n']), {}).setdefault(r['side'], []).append(r)
    print('| case | N | Brian2 loop CPU s | BrainJ loop wall s | BrainJ loop CPU s (process / thread) '
          '| BrainJ / Brian2 (CPU) | process wall s (Brian2 / BrainJ) | check Brian2 | check BrainJ |')
    print('|---|---|---|---|---|---|---|---|---|')
    for (case, n), sides in runs.items():
        b, j = sides.get('brian2', []), sides.get('brainj', [])
        if not b or not j:
            continue

        def med(rs, key):
            return statistics.median(r[key] for r in rs)

        check = next(c for c in CHECKS if c in b[0])
        thread = f"{med(j, 'loop_thread_cpu_s'):.3f}" if 'loop_thread_cpu_s' in j[0] else '-'
        print(f"| {case} | {n} | {med(b, 'loop_s'):.3f} | {med(j, 'loop_s'):.3f} "
              f"| {med(j, 'loop_cpu_s'):.3f} / {thread} | {med(j, 'loop_cpu_s') / med(b, 'loop_s'):.2f} "
              f"| {med(b, 'process_s'):.1f} / {med(j, 'process_s'):.1f} "
              f"| {check} {med(b, check):.4g} | {med(j, check):.4g} |")


if __name__ == '__main__':
    main()
