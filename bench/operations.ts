/**
 * The DESIGN §5 operations, each measured through desk.call on a working copy of the cached
 * desk (creating letters and backups changes it; the cache stays as generated).
 */
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import type { MethodInput } from '../shared/api/contract';
import type { Desk } from '../electron/main/core';
import { parseQuery, planSearch } from '../electron/main/core/search/search.parse';
import { caller } from './generate';
import { openBenchDesk } from './dataset';
import { repeat, summarise, timeOnce, type Stats } from './measure';

export interface Measured {
  /** The DESIGN §5 operation. */
  operation: string;
  target: string;
  /** The figure the target is checked against (ms, MB or a ratio). */
  value: number | null;
  unit: 'ms' | 'MB' | 'ratio';
  pass: boolean | null;
  stats?: Stats;
  /** Of the speed probes around its repetitions, how many found the machine slowed (run.ts). */
  slowedProbes?: { slowed: number; of: number };
  note?: string;
}

export const SEARCH_QUERIES = [
  'تفاهم‌نامه خواهرخواندگی',
  'سفر هیئت',
  'نمایشگاه صنایع‌دستی',
  'میدان نقش جهان',
  'وزارت امور خارجه',
  'بازآفرینی بافت تاریخی',
  'گردشگری پایدار',
  'قازان',
  'روادید اعضای هیئت',
  'دانشگاه‌های اصفهان',
];

export async function measureOpen(dir: string): Promise<Measured[]> {
  const wall: number[] = [];
  const cpu: number[] = [];
  let first = 0;
  for (let i = 0; i < 8; i++) {
    const t = await timeOnce(() => openBenchDesk(dir));
    await t.value.close();
    // Warm-up: the file is in the page cache afterwards, and the reference structure the
    // opening check compares with is built once per process.
    if (i === 0) {
      first = Math.round(t.wall);
      continue;
    }
    wall.push(t.wall);
    cpu.push(t.cpu);
  }
  const stats = summarise(wall, cpu);
  // The page-by-page check that a large desk gets right after opening, in the background.
  const desk = await openBenchDesk(dir);
  const check = await timeOnce(() => backgroundCheckSettled(desk));
  await desk.close();
  return [
    {
      operation: 'open an existing desk',
      target: '< 300 ms',
      value: stats.wallMedianMs,
      unit: 'ms',
      pass: stats.wallMedianMs < 300,
      stats,
      note: `first open in the process ${first} ms (file not yet cached, reference structure built)`,
    },
    {
      operation: 'background page check after opening (quick_check)',
      target: 'off the critical path',
      value: Math.round(check.wall),
      unit: 'ms',
      pass: check.value === 'passed' || check.value === 'checked_at_open',
      note: `verdict ${check.value}; runs on its own read-only connection while the desk answers`,
    },
  ];
}

/** Waits until the background page check of the open desk has its verdict; answers it. */
export async function backgroundCheckSettled(desk: Desk): Promise<string> {
  for (;;) {
    const info = await desk.call('system.info', {});
    if (!info.ok) throw new Error(info.error.message);
    if (info.value.integrity.state !== 'checking') return info.value.integrity.state;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** CPU milliseconds of each call, by the text it was given (to name the slowest). */
class CpuByText {
  readonly #samples = new Map<string, number[]>();
  async time<T>(text: string, fn: () => Promise<T>): Promise<T> {
    const start = process.cpuUsage();
    const value = await fn();
    const used = process.cpuUsage(start);
    const list = this.#samples.get(text) ?? [];
    list.push((used.user + used.system) / 1000);
    this.#samples.set(text, list);
    return value;
  }
  /** The texts by their median CPU, the costliest first: `text 12.3 ms (at most 20.1); …`. */
  slowest(count: number): string {
    const medians = [...this.#samples].map(([text, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return { text, median: sorted[Math.floor(sorted.length / 2)]!, most: sorted.at(-1)! };
    });
    medians.sort((a, b) => b.median - a.median);
    return medians
      .slice(0, count)
      .map((m) => `${m.text} ${m.median.toFixed(1)} ms (at most ${m.most.toFixed(1)})`)
      .join('; ');
  }
}

export async function measureLetterList(desk: Desk): Promise<Measured[]> {
  const call = caller(desk);
  const partners = await call('partners.list', { limit: 20 });
  const classifications = ['محرمانه', 'عادی'];
  const variants: [name: string, input: MethodInput<'letters.list'>][] = [
    ['incoming by date', { direction: 'incoming', sort: { by: 'letterDate', direction: 'desc' }, limit: 50 }],
    [
      '2023 by subject',
      { dateFrom: '2023-01-01', dateTo: '2023-12-31', sort: { by: 'subject', direction: 'asc' }, limit: 50 },
    ],
    ['awaiting reply', { state: 'awaiting_reply', sort: { by: 'letterDate', direction: 'asc' }, limit: 50 }],
    [
      'confidential by number',
      { classification: classifications[0]!, sort: { by: 'number', direction: 'desc' }, limit: 50 },
    ],
    [
      'outgoing urgent by registration',
      { direction: 'outgoing', urgency: 'فوری', sort: { by: 'registeredAt', direction: 'desc' }, limit: 50 },
    ],
    ...partners.items
      .slice(0, 5)
      .map((p, n): [string, MethodInput<'letters.list'>] => [
        `partner ${n + 1}`,
        { partnerId: p.id, sort: { by: 'letterDate', direction: 'desc' }, limit: 50 },
      ]),
  ];
  const variantCpu = new CpuByText();
  const stats = await repeat(100, 20, async (i) => {
    const [name, input] = variants[i % variants.length]!;
    await variantCpu.time(name, () => call('letters.list', input));
  });
  const texts = ['هفته فرهنگی', 'خواهرخواندگی', 'Kazan', '۱۴۰۲', 'نمایشگاه'];
  const textCpu = new CpuByText();
  const textStats = await repeat(100, 20, async (i) => {
    const text = texts[i % texts.length]!;
    await textCpu.time(text, () =>
      call('letters.list', { text, sort: { by: 'letterDate', direction: 'desc' }, limit: 50 }),
    );
  });
  return [
    {
      operation: 'letter list page: filter + sort + 50 rows',
      target: 'p95 < 15 ms',
      value: stats.wallP95Ms,
      unit: 'ms',
      pass: stats.wallP95Ms < 15,
      stats,
      note: `${variants.length} filter/sort variants in turn; costliest (CPU median): ${variantCpu.slowest(3)}`,
    },
    {
      operation: 'letter list page with a text filter',
      target: 'p95 < 15 ms',
      value: textStats.wallP95Ms,
      unit: 'ms',
      pass: textStats.wallP95Ms < 15,
      stats: textStats,
      note: `${texts.length} filter texts in turn, with the total; costliest (CPU median): ${textCpu.slowest(2)}`,
    },
  ];
}

function rawAll(db: sqlite3.Database, query: string, params: unknown[]): Promise<unknown[]> {
  return new Promise((resolve, reject) =>
    db.all(query, params, (error, rows) => (error ? reject(error) : resolve(rows))),
  );
}

/**
 * search.query against the bare FTS5 query the search plans for the same text: MATCH,
 * bm25 rank, LIMIT and FTS5's own highlight() and snippet(), on a second read connection.
 */
export async function measureSearch(desk: Desk, dir: string): Promise<Measured[]> {
  const call = caller(desk);
  const queryCpu = new CpuByText();
  const stats = await repeat(100, 20, async (i) => {
    const text = SEARCH_QUERIES[i % SEARCH_QUERIES.length]!;
    await queryCpu.time(text, () => call('search.query', { text, limit: 50 }));
  });
  const db = new sqlite3.Database(join(dir, 'desk.sqlite'), sqlite3.OPEN_READONLY);
  const matches = SEARCH_QUERIES.map((q) => planSearch(parseQuery(q), { types: null, dates: null })!.words);
  const raw = await repeat(100, 20, async (i) => {
    await rawAll(
      db,
      `SELECT rowid, highlight(search_words, 0, '[', ']') AS title,
         snippet(search_words, 1, '[', ']', '…', 16) AS snippet
       FROM search_words WHERE search_words MATCH ? ORDER BY rank LIMIT 51`,
      [matches[i % matches.length]],
    );
  });
  await new Promise<void>((resolve) => db.close(() => resolve()));
  const ratio = Math.round((stats.wallP95Ms / raw.wallP95Ms) * 100) / 100;
  return [
    {
      operation: 'Persian full-text search, top 50 with highlights',
      target: 'p95 < 25 ms',
      value: stats.wallP95Ms,
      unit: 'ms',
      pass: stats.wallP95Ms < 25,
      stats,
      note: `${SEARCH_QUERIES.length} Persian queries in turn; costliest (CPU median): ${queryCpu.slowest(3)}`,
    },
    {
      operation: 'search.query ÷ raw FTS5 query (p95)',
      target: '≤ 1.5×',
      value: ratio,
      unit: 'ratio',
      pass: ratio <= 1.5,
      stats: raw,
      note: 'stats are of the raw query',
    },
  ];
}

export async function measureCreateLetter(desk: Desk): Promise<Measured> {
  const call = caller(desk);
  const partner = (await call('partners.list', { limit: 1 })).items[0]!;
  // As many as the list and the search measure (100 after 20 untimed); with 60, the p95 was
  // the fourth slowest create.
  const stats = await repeat(100, 20, async (i) => {
    await call('letters.create', {
      direction: 'incoming',
      letterDate: '2026-11-20',
      senderNumber: `۱۲۳/${i}`,
      from: { partnerId: partner.id },
      to: { text: 'شهرداری اصفهان' },
      subject: `درخواست همکاری در برگزاری هفته فرهنگی شماره ${i}`,
      body: 'با سلام و احترام\nبه استحضار می‌رساند آن شهرداری آمادگی خود را برای برگزاری هفته فرهنگی اعلام کرده است. '.repeat(
        6,
      ),
      language: 'fa',
      partnerIds: [partner.id],
    });
  });
  return {
    operation: 'create a letter with its audit row',
    target: 'p95 < 10 ms',
    value: stats.wallP95Ms,
    unit: 'ms',
    pass: stats.wallP95Ms < 10,
    stats,
  };
}

export async function measureExports(desk: Desk, outDir: string): Promise<Measured[]> {
  const call = caller(desk);
  const out: Measured[] = [];
  // The partner with the most history: the first city, which the generator links most to.
  const partner = (await call('partners.list', { limit: 1, sort: { field: 'createdAt', direction: 'asc' } }))
    .items[0]!;
  const briefing = await repeat(5, 1, async (i) => {
    await call('documents.export', {
      kind: 'partnerBriefing',
      id: partner.id,
      language: 'fa',
      path: join(outDir, `briefing-${i}.docx`),
    });
  });
  out.push({
    operation: 'partner briefing export (.docx)',
    target: '< 500 ms',
    value: briefing.wallMedianMs,
    unit: 'ms',
    pass: briefing.wallMedianMs < 500,
    stats: briefing,
  });
  const agreement = (await call('agreements.list', { limit: 1 })).items[0]!;
  const mou = await repeat(5, 1, async (i) => {
    await call('documents.export', {
      kind: 'agreement',
      id: agreement.id,
      language: 'fa',
      path: join(outDir, `mou-${i}.docx`),
    });
  });
  out.push({
    operation: 'MoU export, 15 bilingual clauses',
    target: '< 200 ms',
    value: mou.wallMedianMs,
    unit: 'ms',
    pass: mou.wallMedianMs < 200,
    stats: mou,
  });
  return out;
}

/**
 * `reps` backups of the whole desk (one at office scale). The figure is the call: the backup
 * is kept once its copy is written and synced. Its verification (every hash, the full
 * integrity check, counts, audit chain) follows in the background; it is waited for after
 * each call, outside the timing, and reported in the note.
 */
export async function measureBackup(desk: Desk, reps = 3): Promise<Measured> {
  const call = caller(desk);
  const wall: number[] = [];
  const cpu: number[] = [];
  const verify: { wall: number; cpu: number }[] = [];
  const statuses: string[] = [];
  for (let i = 0; i < reps; i++) {
    const t = await timeOnce(() => call('backup.create', { copyToChosenFolder: false }));
    wall.push(t.wall);
    cpu.push(t.cpu);
    verify.push(await timeOnce(() => desk.settled()));
    const listed = await call('backup.list', {});
    statuses.push(listed.find((b) => b.id === t.value.backup.id)?.status ?? 'missing');
  }
  const stats = summarise(wall, cpu);
  const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
  return {
    operation: 'online backup of the whole desk',
    target: '< 10 s',
    value: stats.wallMedianMs,
    unit: 'ms',
    pass: stats.wallMedianMs < 10_000,
    stats,
    note: `kept unverified; background verification ${verify
      .map((v) => `${seconds(v.wall)} wall / ${seconds(v.cpu)} CPU`)
      .join(', ')} → ${statuses.join(', ')}`,
  };
}

/** Bytes per table and index (SQLite's dbstat), the largest first, and the file's size. */
export async function measureStorage(dir: string): Promise<Measured> {
  const db = new sqlite3.Database(join(dir, 'desk.sqlite'), sqlite3.OPEN_READONLY);
  try {
    const rows = (await rawAll(
      db,
      `SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC LIMIT 12`,
      [],
    ).catch(() => [])) as { name: string; bytes: number }[];
    const [audit] = (await rawAll(
      db,
      `SELECT COUNT(*) AS n, AVG(LENGTH(before) + LENGTH(after)) AS avg FROM audit_log`,
      [],
    )) as { n: number; avg: number }[];
    const [pages] = (await rawAll(
      db,
      'SELECT page_count * page_size AS bytes FROM pragma_page_count, pragma_page_size',
      [],
    )) as {
      bytes: number;
    }[];
    const mb = (b: number) => Math.round(b / 1024 / 102.4) / 10;
    return {
      operation: 'desk file size',
      target: '—',
      value: mb(pages?.bytes ?? 0),
      unit: 'MB',
      pass: null,
      note: `${audit?.n ?? 0} audit rows, ${Math.round(audit?.avg ?? 0)} bytes of before/after each; largest: ${rows
        .map((r) => `${r.name} ${mb(r.bytes)} MB`)
        .join(', ')}`,
    };
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

/** Resident memory now, in MB. */
export function rssMB(): number {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}

/**
 * RSS with the whole dataset open and queried (lists, searches, writes): the steady state the
 * target is about. The peak after the Word exports and backups is reported beside it.
 */
export function measureMemory(steady: number, peak: number): Measured {
  return {
    operation: 'main-process memory with the full dataset',
    target: '< 350 MB RSS',
    value: steady,
    unit: 'MB',
    pass: steady < 350,
    note: `Node (tsx) process RSS after lists, searches and writes; ${peak} MB after the exports and backups too`,
  };
}

export function notMeasured(operation: string, target: string, note: string): Measured {
  return { operation, target, value: null, unit: 'ms', pass: null, note };
}
