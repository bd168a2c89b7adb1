/**
 * The call pipeline: look the method up, validate the input, run the handler in a
 * transaction with its audit row (and the search index following), check the output, and
 * answer a Result. Nothing thrown below ever crosses this boundary as it is.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { MethodName, MethodOutput, MethodInput } from '../../../shared/api/contract';
import { contract, isMethodName } from '../../../shared/api/contract';
import type { Result, ValidationIssue } from '../../../shared/api/errors';
import type { EventName, EventPayload } from '../../../shared/api/events';
import { appendAudit, type AuditChange } from './audit/audit.repository';
import type { DatabaseReplacement, DeskEnv, Mutated, TaskDone, Touched } from './context';
import { onIntegrity } from './db/integrity-watch';
import type { Database } from './db/tables';
import type { Sqlite3Driver } from './db/sqlite3-driver';
import { DeskError, toDeskError } from './errors';
import type { Registry } from './registrar';

export type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

export interface DeskLogger {
  error(message: string, detail: unknown): void;
}

export const consoleLogger: DeskLogger = {
  error: (message, detail) => console.error(`[desk] ${message}`, detail),
};

/** Keeps the search index in step with the records a call touched, inside its transaction. */
export type TouchedIndexer = (tx: Transaction<Database>, touched: Touched) => Promise<void>;

/** The open database; a restore closes it, swaps the file and opens another. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  driver: Sqlite3Driver;
  /** Migrations applied when it was opened. */
  applied: string[];
  close(): Promise<void>;
}

export interface DeskInternals {
  /** The open database. Read it afresh each time: a restore replaces it. */
  db: Kysely<Database>;
  driver: Sqlite3Driver;
  registry: Registry;
  env: Omit<DeskEnv, 'emit'>;
  indexTouched: TouchedIndexer;
  logger: DeskLogger;
  /** Closes the open database. */
  closeDatabase: () => Promise<void>;
  /** Opens the database file again, with every opening check (after a restore swapped it). */
  reopenDatabase: () => Promise<DatabaseHandle>;
  /** Runs once when the desk closes, after its database (releases the data folder's lock). */
  onClose: () => Promise<void>;
}

function zodIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: issue.message,
  }));
}

function describeIssues(issues: ValidationIssue[]): string {
  const first = issues[0];
  if (!first) return 'The input is not valid.';
  const where = first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  return `The input is not valid${where}: ${first.message}.`;
}

export class Desk {
  readonly #internals: DeskInternals;
  readonly #listeners = new Map<EventName, Set<(payload: never) => void>>();
  readonly #cancelled = new Set<string>();
  #closed = false;
  /** Every call and background job not yet finished; close() waits for them. */
  #inFlight = new Set<Promise<unknown>>();
  /** Calls and jobs that passed the gate and may be using the database, by their token. */
  readonly #running = new Map<object, Promise<void>>();
  /** Set while a restore swaps the database file: new calls wait here. */
  #gate: Promise<void> | null = null;

  /** Stops telling this desk's listeners about background integrity checks. */
  readonly #unwatchIntegrity: () => void;

  constructor(internals: DeskInternals) {
    this.#internals = internals;
    this.#unwatchIntegrity = onIntegrity(internals.env.paths.databaseFile, (status) => {
      if (status.state === 'passed' || status.state === 'damaged') {
        this.emit('integrity', {
          state: status.state,
          checkedAt: status.checkedAt ?? '',
          problem: status.problem,
        });
      }
    });
  }

  /** Calls one contract method. Always resolves; failures come back as typed errors. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  call(method: string, input: unknown): Promise<Result<unknown>>;
  call(method: string, input: unknown): Promise<Result<unknown>> {
    return this.#track(this.#call(method, input, {}));
  }

  /**
   * Runs work that belongs to no call (the automatic backup at start) alongside the calls:
   * it waits behind a restore like a call, and close() waits for it. `closing()` turns true
   * when the desk starts closing, so long work can stop early. Failures are logged.
   */
  runInBackground(name: string, job: (closing: () => boolean) => Promise<void>): void {
    void this.#track(
      (async () => {
        const token = {};
        if (!(await this.#admit())) return;
        const leave = this.#enter(token);
        try {
          await job(() => this.#closed);
        } catch (error) {
          this.#internals.logger.error(`${name} failed`, error);
        } finally {
          leave();
        }
      })(),
    );
  }

  #track<T>(run: Promise<T>): Promise<T> {
    this.#inFlight.add(run);
    void run.finally(() => this.#inFlight.delete(run));
    return run;
  }

  /** Waits while a restore swaps the database; false when the desk closed meanwhile. */
  async #admit(): Promise<boolean> {
    while (this.#gate) await this.#gate;
    return !this.#closed;
  }

  #enter(token: object): () => void {
    let leave!: () => void;
    this.#running.set(token, new Promise<void>((resolve) => (leave = resolve)));
    return () => {
      this.#running.delete(token);
      leave();
    };
  }

  /** See TaskContext.replaceDatabase. */
  async #replaceDatabase(token: object, steps: DatabaseReplacement): Promise<{ migrated: string[] }> {
    if (this.#gate) throw new DeskError('CONFLICT', 'Another restore is already in progress.');
    let open!: () => void;
    this.#gate = new Promise<void>((resolve) => (open = resolve));
    try {
      await Promise.allSettled([...this.#running].filter(([t]) => t !== token).map(([, p]) => p));
      await steps.beforeClose?.();
      await this.#internals.closeDatabase();
      try {
        await steps.swap();
        return { migrated: await this.#reopenDatabase() };
      } catch (error) {
        try {
          await steps.undo();
          await this.#reopenDatabase();
        } catch (undoError) {
          this.#closed = true;
          this.#internals.logger.error('putting the previous desk back failed', undoError);
        }
        throw error;
      }
    } finally {
      this.#gate = null;
      open();
    }
  }

  async #reopenDatabase(): Promise<string[]> {
    const opened = await this.#internals.reopenDatabase();
    this.#internals.db = opened.db;
    this.#internals.driver = opened.driver;
    this.#internals.closeDatabase = () => opened.close();
    return opened.applied;
  }

  /** Subscribes to a contract event; answers the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  /** Asks a running task to stop at its next checkpoint. */
  cancel(taskId: string): void {
    this.#cancelled.add(taskId);
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Resolves once every call and background job in flight now (and any they wait behind) has finished. */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  /** Waits for calls in flight (background jobs are asked to stop), then closes the database. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#unwatchIntegrity();
    await Promise.allSettled([...this.#inFlight]);
    try {
      await this.#internals.closeDatabase();
    } finally {
      await this.#internals.onClose();
    }
  }

  /** For the composition root and tests in this folder: the database itself. */
  get internals(): DeskInternals {
    return this.#internals;
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.#listeners.get(event) ?? []) {
      try {
        (listener as Listener<E>)(payload);
      } catch (error) {
        this.#internals.logger.error(`listener for ${event} failed`, error);
      }
    }
  }

  async #call(method: string, input: unknown, token: object): Promise<Result<unknown>> {
    if (this.#closed) return { ok: false, error: { code: 'INTERNAL', message: 'The desk is closed.' } };
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'VALIDATION', message: 'There is no such method.' } };
    }
    const spec = contract[method];
    const parsed = (spec.input as z.ZodType).safeParse(input);
    if (!parsed.success) {
      const issues = zodIssues(parsed.error);
      return { ok: false, error: { code: 'VALIDATION', message: describeIssues(issues), issues } };
    }
    if (!(await this.#admit())) {
      return { ok: false, error: { code: 'INTERNAL', message: 'The desk is closed.' } };
    }
    const leave = this.#enter(token);
    try {
      const value = await this.#run(method, spec.kind, spec.output as z.ZodType, parsed.data, token);
      return { ok: true, value };
    } catch (error) {
      const deskError = toDeskError(error);
      if (deskError.code === 'INTERNAL' || !(error instanceof DeskError)) {
        this.#internals.logger.error(`${method} failed`, error);
      }
      return { ok: false, error: deskError.toShape() };
    } finally {
      leave();
    }
  }

  async #run(
    method: MethodName,
    kind: string,
    output: z.ZodType,
    input: unknown,
    token: object,
  ): Promise<unknown> {
    const internals = this.#internals;
    const { db, env, registry, indexTouched } = internals;
    const handler = registry.get(method) as (ctx: unknown, input: unknown) => Promise<unknown>;
    const now = env.clock.now();
    const touched: Touched = new Map();
    const afterCommit: (() => Promise<void> | void)[] = [];
    const announced = new Set<string>();
    const rollbackHooks: (() => void)[] = [];
    /** Undoes, newest first, what the steps since `from` did outside the database. */
    const rollBack = (from: number) => {
      for (const fn of rollbackHooks.splice(from).reverse()) {
        try {
          fn();
        } catch (error) {
          this.#internals.logger.error(`${method}: undoing a step after a rollback failed`, error);
        }
      }
    };
    const base = {
      ...env,
      emit: <E extends EventName>(event: E, payload: EventPayload<E>) => this.emit(event, payload),
      method,
      now,
      nowIso: now.toISOString(),
      touch: (type: string, id: string) => {
        let ids = touched.get(type);
        if (!ids) touched.set(type, (ids = new Set()));
        ids.add(id);
      },
      announce: (entity: string) => announced.add(entity),
      afterCommit: (fn: () => Promise<void> | void) => afterCommit.push(fn),
      onRollback: (fn: () => void) => rollbackHooks.push(fn),
    };
    const stamp = () => ({
      action: method,
      actor: env.actor,
      workstation: env.workstation,
      tsUtc: env.clock.now().toISOString(),
    });
    const checkOutput = (value: unknown) => {
      const checked = output.safeParse(value);
      if (!checked.success) {
        this.#internals.logger.error(
          `${method} answered outside its contract`,
          checked.error.issues.slice(0, 5),
        );
        throw new DeskError('INTERNAL', 'The desk produced an unexpected answer. Nothing was saved.');
      }
      return checked.data;
    };

    let value: unknown;
    let change: AuditChange | null = null;
    if (kind === 'query') {
      // The one connection is held for the whole query, so no write can come between its
      // statements: the same consistent view as a read transaction, without the BEGIN and
      // COMMIT round trips (two of the four or five a search or a list page makes).
      value = await db.connection().execute(async (tx) => checkOutput(await handler({ ...base, tx }, input)));
    } else if (kind === 'mutation') {
      try {
        value = await db.transaction().execute(async (tx) => {
          const result = (await handler({ ...base, tx }, input)) as Mutated<unknown>;
          const checked = checkOutput(result.value);
          if (touched.size > 0) await indexTouched(tx, touched);
          await appendAudit(tx, stamp(), result.audit);
          change = result.audit;
          return checked;
        });
      } catch (error) {
        rollBack(0);
        throw error;
      }
    } else {
      const taskId = randomUUID();
      // A task may outlive the database it started with (a restore swaps it), so it reads
      // the current one each time.
      const ctx = {
        ...base,
        get db() {
          return internals.db;
        },
        get driver() {
          return internals.driver;
        },
        replaceDatabase: (steps: DatabaseReplacement) => this.#replaceDatabase(token, steps),
        transaction: async <T>(
          fn: (tx: Transaction<Database>) => Promise<T>,
          audit?: (result: T) => AuditChange,
        ) => {
          const from = rollbackHooks.length;
          try {
            return await internals.db.transaction().execute(async (tx) => {
              const result = await fn(tx);
              if (touched.size > 0) {
                await indexTouched(tx, touched);
                touched.clear();
              }
              // The change and its audit row commit together, or neither does.
              if (audit) {
                const entry = audit(result);
                await appendAudit(tx, stamp(), entry);
                change = entry;
              }
              return result;
            });
          } catch (error) {
            touched.clear();
            rollBack(from);
            throw error;
          }
        },
        progress: (phase: string, done: number, total: number) =>
          this.emit('progress', { taskId, method, phase, done, total }),
        get cancelled() {
          return cancelled.has(taskId);
        },
      };
      const cancelled = this.#cancelled;
      try {
        const result = (await handler(ctx, input)) as TaskDone<unknown>;
        value = checkOutput(result.value);
        const audit = result.audit;
        if (audit) {
          await internals.db.transaction().execute((tx) => appendAudit(tx, stamp(), audit));
          change = audit;
        }
      } finally {
        this.#cancelled.delete(taskId);
      }
    }

    for (const fn of afterCommit) {
      try {
        await fn();
      } catch (error) {
        this.#internals.logger.error(`${method}: after-commit step failed`, error);
      }
    }
    if (change) announced.add((change as AuditChange).entity);
    if (announced.size > 0) this.emit('changed', { entities: [...announced] });
    return value;
  }
}
