/**
 * The generated desk for a scale, cached in bench/.cache/<scale>/ between runs: generated in
 * another folder first and copied in when complete, so an interrupted run never leaves a desk
 * that looks finished.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import { openDesk, type Desk } from '../electron/main/core';
import { FTS_TABLES, ftsLevels, mergeStep } from '../electron/main/core/search/index-merge';
import { fakePlatform } from '../test/helpers/fake-platform';
import { BenchClock } from './clock';
import { generate, type Counts } from './generate';

export const CACHE_DIR = join(import.meta.dirname, '.cache');

/**
 * Which generator made a cached desk. Raised whenever the generator writes a different office,
 * so a figure is never compared across two datasets unknowingly. 2: every kind written a slice
 * of time at a time (the newest records a mix of kinds), and cases' follow-up tasks. 3: cases of
 * a kind with no approval template are passed over instead of counted as refusals, so the office
 * has its 50,000 steps (version 2 gave up after 200 refusals a slice: 47,923 steps at 1×).
 */
export const GENERATOR_VERSION = 3;

export interface Dataset {
  dir: string;
  counts: Counts;
  generatedInSeconds: number;
  /** Absent in desks made before versions were recorded (version 1). */
  generator?: number;
}

export const silentLogger = { error: () => {} };

/** Pages one merge step writes while settling: larger than the desk's own steps, same end. */
const SETTLE_PAGES = 1000;

/** What settleIndexes found and did. */
export interface Settled {
  /** Merge steps that merged something. */
  steps: number;
  /** Segments of the three full-text indexes, before and after. */
  segmentsBefore: number;
  segmentsAfter: number;
  ms: number;
}

/**
 * Brings the desk's full-text indexes to where the desk's own upkeep leaves them once it has
 * been idle (search/index-upkeep.ts): every level merged until none holds FTS5's `usermerge`
 * segments, then the write-ahead log copied into the file. An office's desk is idle most of
 * the day, but a generated one was written without a pause, so its indexes still hold every
 * segment the crisis merges left (29 in the register's trigram index at 1×), and every query
 * would read them all. Nothing is merged further than the upkeep would merge it.
 */
export async function settleIndexes(desk: Desk): Promise<Settled> {
  const db = desk.internals.db;
  const segments = async () => {
    let n = 0;
    for (const table of FTS_TABLES) for (const level of await ftsLevels(db, table)) n += level.segments;
    return n;
  };
  const started = performance.now();
  const segmentsBefore = await segments();
  let steps = 0;
  for (const table of FTS_TABLES) while (await mergeStep(db, table, SETTLE_PAGES)) steps++;
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  return {
    steps,
    segmentsBefore,
    segmentsAfter: await segments(),
    ms: Math.round(performance.now() - started),
  };
}

export function openBenchDesk(dir: string, clock = new BenchClock()): Promise<Desk> {
  return openDesk({
    dataDir: dir,
    actor: 'user2',
    platform: fakePlatform(),
    clock,
    logger: silentLogger,
    automaticBackups: false,
  });
}

/**
 * The generated desk a folder holds (a copy of a cache keeps its dataset.json), with a warning
 * when an older generator made it; an error when the folder holds no generated desk.
 */
export function datasetIn(dir: string): Dataset {
  const marker = join(dir, 'dataset.json');
  if (!existsSync(marker)) throw new Error(`${dir} holds no generated desk (no dataset.json)`);
  const found = { dir, ...(JSON.parse(readFileSync(marker, 'utf8')) as Omit<Dataset, 'dir'>) };
  if ((found.generator ?? 1) !== GENERATOR_VERSION)
    process.stderr.write(
      `${dir} was made by generator ${found.generator ?? 1}, not ${GENERATOR_VERSION}: its figures are not ` +
        `comparable with a current office. Delete it to generate it again.\n`,
    );
  return found;
}

/**
 * The cached desk of a scale, generated first when missing. `dir` puts it elsewhere than the
 * cache (a scratch generation that must not replace a cached one).
 */
export async function ensureDataset(scale: number, dir = join(CACHE_DIR, String(scale))): Promise<Dataset> {
  if (existsSync(join(dir, 'dataset.json'))) return datasetIn(dir);
  // Built in memory when the machine has a tmpfs: every call's fsync would otherwise make the
  // 1× office take hours. Only the generation is faster; the measurements run on the cache.
  const partial = existsSync('/dev/shm')
    ? join('/dev/shm', `desk-bench-${scale}-${process.pid}`)
    : `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const clock = new BenchClock();
  const desk = await openBenchDesk(partial, clock);
  // The generating connection keeps the growing indexes in memory (the desk's own 32 MiB
  // page cache made every insert into a large index read pages again: the 1× office wrote
  // three times slower at its end than at its start). What is written is the same.
  await desk.internals.driver.withConnection((connection) =>
    connection.exec('PRAGMA cache_size = -2097152; PRAGMA mmap_size = 17179869184;'),
  );
  const started = performance.now();
  process.stderr.write(`Generating the ${scale}× office into ${partial}\n`);
  const counts = await generate(desk, clock, scale);
  const settled = await settleIndexes(desk);
  process.stderr.write(
    `Search indexes merged as an idle desk merges them: ${settled.segmentsBefore} → ${settled.segmentsAfter} segments in ${settled.ms} ms\n`,
  );
  await desk.close();
  const generatedInSeconds = Math.round((performance.now() - started) / 100) / 10;
  writeFileSync(
    join(partial, 'dataset.json'),
    JSON.stringify({ counts, generatedInSeconds, generator: GENERATOR_VERSION }, null, 2),
  );
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dirname(dir), { recursive: true });
  cpSync(partial, dir, { recursive: true });
  rmSync(partial, { recursive: true, force: true });
  return { dir, counts, generatedInSeconds, generator: GENERATOR_VERSION };
}
