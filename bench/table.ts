/** The readable table of a bench run, on stderr. */
import { SLOWED } from './measure';
import type { Measured } from './operations';

function figure(r: Measured): string {
  if (r.value === null) return 'not measured';
  if (r.unit === 'ratio') return `${r.value}×`;
  if (r.unit === 'MB') return `${r.value} MB`;
  return `${r.value} ms`;
}

export function printTable(report: {
  scale: number;
  machine: { loadAverage: number[] };
  results: Measured[];
}): void {
  const rows = report.results.map((r) => [
    r.operation,
    r.target,
    figure(r),
    r.stats ? `${r.stats.wallMedianMs} / ${r.stats.wallP95Ms}` : '',
    r.stats ? `${r.stats.cpuMedianMs} / ${r.stats.cpuP95Ms}` : '',
    r.slowedProbes ? `${r.slowedProbes.slowed} / ${r.slowedProbes.of}` : '',
    r.pass === null ? '—' : r.pass ? 'pass' : 'FAIL',
  ]);
  const head = ['operation', 'target', 'figure', 'wall med / p95', 'cpu med / p95', 'machine slowed', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  const out = [
    `\nCity Diplomacy Desk bench, scale ${report.scale}× (load average ${report.machine.loadAverage.join(' ')})`,
    ...(report.results.some((r) => r.slowedProbes)
      ? [
          `"machine slowed": of the speed probes around the repetitions, those over ${SLOWED}× the run's fastest`,
        ]
      : []),
    line(head),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    '',
  ];
  process.stderr.write(`${out.join('\n')}\n`);
}
