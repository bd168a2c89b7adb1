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

export async function measureOpen(dir: string): Promise<Measured> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 8; i++) {
    const t = await timeOnce(() => openBenchDesk(dir));
    await t.value.close();
    if (i === 0) continue; // warm-up: the file is in the page cache afterwards
    wall.push(t.wall);
    cpu.push(t.cpu);
  }
  const stats = summarise(wall, cpu);
  return {
    operation: 'open an existing desk',
    target: '< 300 ms',
    value: stats.wallMedianMs,
    unit: 'ms',
    pass: stats.wallMedianMs < 300,
    stats,
  };
}

export async function measureLetterList(desk: Desk): Promise<Measured> {
  const call = caller(desk);
  const partners = await call('partners.list', { limit: 20 });
  const classifications = ['محرمانه', 'عادی'];
  const variants: MethodInput<'letters.list'>[] = [
    { direction: 'incoming', sort: { by: 'letterDate', direction: 'desc' }, limit: 50 },
    { dateFrom: '2023-01-01', dateTo: '2023-12-31', sort: { by: 'subject', direction: 'asc' }, limit: 50 },
    { state: 'awaiting_reply', sort: { by: 'letterDate', direction: 'asc' }, limit: 50 },
    { classification: classifications[0]!, sort: { by: 'number', direction: 'desc' }, limit: 50 },
    { direction: 'outgoing', urgency: 'فوری', sort: { by: 'registeredAt', direction: 'desc' }, limit: 50 },
    ...partners.items.slice(0, 5).map((p): MethodInput<'letters.list'> => ({
      partnerId: p.id,
      sort: { by: 'letterDate', direction: 'desc' },
      limit: 50,
    })),
  ];
  const stats = await repeat(100, 20, async (i) => {
    await call('letters.list', variants[i % variants.length]!);
  });
  return {
    operation: 'letter list page: filter + sort + 50 rows',
    target: 'p95 < 15 ms',
    value: stats.wallP95Ms,
    unit: 'ms',
    pass: stats.wallP95Ms < 15,
    stats,
    note: `${variants.length} filter/sort variants in turn`,
  };
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
  const stats = await repeat(100, 20, async (i) => {
    await call('search.query', { text: SEARCH_QUERIES[i % SEARCH_QUERIES.length]!, limit: 50 });
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
      note: `${SEARCH_QUERIES.length} Persian queries in turn`,
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
  const stats = await repeat(60, 10, async (i) => {
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

export async function measureBackup(desk: Desk): Promise<Measured> {
  const call = caller(desk);
  const stats = await repeat(3, 0, async () => {
    await call('backup.create', { copyToChosenFolder: false });
  });
  return {
    operation: 'online backup of the whole desk',
    target: '< 10 s',
    value: stats.wallMedianMs,
    unit: 'ms',
    pass: stats.wallMedianMs < 10_000,
    stats,
  };
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
