/**
 * The append-only audit trail with its SHA-256 hash chain. Each row's hash covers the
 * previous row's hash and the canonical JSON of the row itself (including its seq), so an
 * edited, deleted, inserted or reordered row breaks the chain at that row.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables';
import { canonicalJson } from './canonical-json';
import type { AuditRow } from './audit.table';

export const GENESIS_HASH = '0'.repeat(64);

/** What a mutation says about itself; the registrar adds who, when and where. */
export interface AuditChange {
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditStamp {
  action: string;
  actor: string;
  workstation: string;
  tsUtc: string;
}

/** The hash of one row given the hash of the row before it. */
export function rowHash(row: Omit<AuditRow, 'hash'>): string {
  const body = canonicalJson({
    seq: row.seq,
    ts_utc: row.ts_utc,
    actor: row.actor,
    workstation: row.workstation,
    action: row.action,
    entity: row.entity,
    entity_id: row.entity_id,
    before: row.before,
    after: row.after,
  });
  return createHash('sha256').update(row.prev_hash).update('\n').update(body).digest('hex');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What an audit row keeps of a change. A creation keeps the created record and a removal the
 * removed one. An update of a record (both sides the same record: objects with the same `id`)
 * keeps only the top-level fields whose value changed, on both sides; a field present on one
 * side only is null on the other. Whole records on both sides made a referral of a letter carry
 * its body twice, which was most of the file at office scale. Anything else (a handler's own
 * small before/after, such as a moved clause's key and position) is kept as given. Rows written
 * before this rule keep their whole records; the hash covers whatever was stored.
 */
export function auditedChange(
  before: unknown,
  after: unknown,
): { before: string | null; after: string | null } {
  const absent = (v: unknown) => v === undefined || v === null;
  if (!isRecord(before) || !isRecord(after) || before.id === undefined || before.id !== after.id) {
    return {
      before: absent(before) ? null : canonicalJson(before),
      after: absent(after) ? null : canonicalJson(after),
    };
  }
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = before[key] ?? null;
    const a = after[key] ?? null;
    if (b === a) continue;
    if (typeof b === 'object' && typeof a === 'object' && canonicalJson(b) === canonicalJson(a)) continue;
    was[key] = b;
    now[key] = a;
  }
  return { before: canonicalJson(was), after: canonicalJson(now) };
}

/** Audit rows per statement (eleven values each). */
const AUDIT_CHUNK = 100;

interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * The newest row of the chain (undefined when it is empty). Every change leaves a row, so
 * the same head read twice means nothing changed in between.
 */
export function auditHead(db: Kysely<Database> | Transaction<Database>): Promise<ChainHead | undefined> {
  return readHead(db);
}

async function readHead(db: Kysely<Database> | Transaction<Database>): Promise<ChainHead | undefined> {
  return db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

function chainedRow(head: ChainHead | undefined, stamp: AuditStamp, change: AuditChange): AuditRow {
  const base = {
    seq: (head?.seq ?? 0) + 1,
    ts_utc: stamp.tsUtc,
    actor: stamp.actor,
    workstation: stamp.workstation,
    action: stamp.action,
    entity: change.entity,
    entity_id: change.entityId,
    ...auditedChange(change.before, change.after),
    prev_hash: head?.hash ?? GENESIS_HASH,
  };
  return { ...base, hash: rowHash(base) };
}

/** Appends one row to the chain. Must run inside the transaction of the change it records. */
export async function appendAudit(
  tx: Transaction<Database>,
  stamp: AuditStamp,
  change: AuditChange,
): Promise<AuditRow> {
  const row = chainedRow(await readHead(tx), stamp, change);
  await tx.insertInto('audit_log').values(row).execute();
  return row;
}

/**
 * Appends many rows to the chain in one transaction (an import: a row per record), keeping
 * the chain's head in memory between them instead of reading it before each row. Each row is
 * chained and hashed exactly as appendAudit does it. Only for a writer that appends every row
 * of the transaction through it, from the first to the last; after rolling back to a
 * savepoint, call `forget()` so the head is read again.
 */
export class AuditAppender {
  #head: ChainHead | undefined | null = null;

  constructor(
    private readonly tx: Transaction<Database>,
    private readonly stamp: AuditStamp,
  ) {}

  async append(change: AuditChange): Promise<AuditRow> {
    const head = this.#head === null ? await readHead(this.tx) : this.#head;
    const row = chainedRow(head, this.stamp, change);
    this.#head = null;
    await this.tx.insertInto('audit_log').values(row).execute();
    this.#head = { seq: row.seq, hash: row.hash };
    return row;
  }

  /** Appends these changes in order, a row each, in a few multi-row statements. */
  async appendMany(changes: readonly AuditChange[]): Promise<void> {
    if (changes.length === 0) return;
    let head = this.#head === null ? await readHead(this.tx) : this.#head;
    const rows = changes.map((change) => {
      const row = chainedRow(head, this.stamp, change);
      head = { seq: row.seq, hash: row.hash };
      return row;
    });
    this.#head = null;
    for (let i = 0; i < rows.length; i += AUDIT_CHUNK) {
      await this.tx
        .insertInto('audit_log')
        .values(rows.slice(i, i + AUDIT_CHUNK))
        .execute();
    }
    this.#head = head;
  }

  /** The rows appended since the head was read may be gone: read it again next time. */
  forget(): void {
    this.#head = null;
  }
}

export interface AuditListFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  limit: number;
  offset: number;
}

/** Newest first, optionally for one kind of record or one record. */
export async function listAudit(
  db: Kysely<Database>,
  filter: AuditListFilter,
): Promise<{ rows: AuditRow[]; total: number }> {
  let q = db.selectFrom('audit_log');
  if (filter.entity !== undefined) q = q.where('entity', '=', filter.entity);
  if (filter.entityId !== undefined) q = q.where('entity_id', '=', filter.entityId);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('seq', 'desc').limit(filter.limit).offset(filter.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  headSeq: number | null;
  headHash: string | null;
  firstBadSeq: number | null;
  problem: string | null;
}

/**
 * Rows read at a time while verifying. Small enough that a batch is garbage before V8 moves
 * it out of its young generation: batches of 5,000 rows (about 2 KB each, and their hashing
 * text) survived into the old generation one after another, so verifying the 1× office's
 * 325,000 rows (a backup's background verification) grew the heap to 217 MB and the process
 * to 458 MB before a full collection; 250 rows keep them at 22 and 137 MB, with less
 * collecting (13 s of CPU instead of 23 s).
 */
export const AUDIT_VERIFY_BATCH = 250;

/** Walks the chain in seq order, in batches, and names the first row that does not verify. */
export async function verifyAudit(
  db: Kysely<Database>,
  batchSize = AUDIT_VERIFY_BATCH,
): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let headHash: string | null = null;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const fail = (problem: string): AuditVerification => ({
        ok: false,
        checked,
        headSeq: null,
        headHash: null,
        firstBadSeq: problem.startsWith('missing') ? expectedSeq : row.seq,
        problem,
      });
      if (row.seq !== expectedSeq) return fail(`missing row ${expectedSeq} (next present is ${row.seq})`);
      if (row.prev_hash !== prevHash) return fail(`row ${row.seq} does not follow the row before it`);
      if (rowHash(row) !== row.hash) return fail(`row ${row.seq} was changed after it was written`);
      prevHash = row.hash;
      headHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
  }
  return {
    ok: true,
    checked,
    headSeq: checked === 0 ? null : expectedSeq - 1,
    headHash,
    firstBadSeq: null,
    problem: null,
  };
}
