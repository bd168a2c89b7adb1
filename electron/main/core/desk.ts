/**
 * The call pipeline: look the method up, validate the input, run the handler in a
 * transaction with its audit row (and the search index following), check the output, and
 * answer a Result. Nothing thrown below ever crosses this boundary as it is.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { MethodName, MethodOutput, MethodInput } from '../../../shared/api/contract';
import { contract, isMethodName } from '../../../shared/api/contract';
import type { Result, ValidationIssue } from '../../../shared/api/errors';
import type { EventName, EventPayload } from '../../../shared/api/events';
import { appendAudit, type AuditChange, type AuditStamp } from './audit/audit.repository';
import type { DatabaseReplacement, DeskEnv, MutationContext, Mutated, TaskDone, Touched } from './context';
import { onIntegrity } from './db/integrity-watch';
import type { Database } from './db/tables';
import type { Sqlite3Driver } from './db/sqlite3-driver';
import { DeskError, toDeskError } from './errors';
import type { Registry } from './registrar';

/** One mutation inside Desk.mutateTogether: answers its value, throws what call would answer as an error. */
export type MutateCall = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

/** What one call needs around its handler (Desk's call and mutateTogether build one per call). */
interface CallScope {
  base: Omit<MutationContext, 'tx'>;
  touched: Touched;
  rollbackHooks: (() => void)[];
  /** Undoes, newest first, what the steps since `from` did outside the database. */
  rollBack(from: number): void;
  stamp(): AuditStamp;
  checkOutput(value: unknown): unknown;
  /** After the commit: the steps the call left for then, and the one changed event. */
  finish(change: AuditChange | null): Promise<void>;
}

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
  #started = 0;
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
    this.#started++;
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

  /** True while a call or background job is in flight (idle-time work waits for none). */
  get busy(): boolean {
    return this.#inFlight.size > 0;
  }

  /** Calls and background jobs started since the desk opened: a change means it was used. */
  get callsStarted(): number {
    return this.#started;
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

  /** What one call needs around its handler: its context, its audit stamp and what follows its commit. */
  #callScope(method: MethodName, output: z.ZodType): CallScope {
    const internals = this.#internals;
    const { env } = internals;
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
    /** After the commit: the steps the call left for then, and the one changed event. */
    const finish = async (change: AuditChange | null) => {
      for (const fn of afterCommit) {
        try {
          await fn();
        } catch (error) {
          this.#internals.logger.error(`${method}: after-commit step failed`, error);
        }
      }
      if (change) announced.add(change.entity);
      if (announced.size > 0) this.emit('changed', { entities: [...announced] });
    };
    return { base, touched, rollbackHooks, rollBack, stamp, checkOutput, finish };
  }

  /** A mutation's handler inside a transaction, the search index following it and its audit row. */
  async #mutate(
    scope: CallScope,
    tx: Transaction<Database>,
    method: MethodName,
    input: unknown,
  ): Promise<{ value: unknown; change: AuditChange }> {
    const handler = this.#internals.registry.get(method) as (
      ctx: unknown,
      input: unknown,
    ) => Promise<unknown>;
    const result = (await handler({ ...scope.base, tx }, input)) as Mutated<unknown>;
    const value = scope.checkOutput(result.value);
    if (scope.touched.size > 0) await this.#internals.indexTouched(tx, scope.touched);
    await appendAudit(tx, scope.stamp(), result.audit);
    return { value, change: result.audit };
  }

  /**
   * Runs many mutations in one transaction, each exactly as call runs it: its input checked,
   * its handler, the search index following what it touched and its own audit row, in order.
   * A refused mutation is taken back alone (to its savepoint) and thrown to `fn`; whatever
   * `fn` throws takes them all back. `fn` also gets the transaction, for work a service does
   * in bulk inside it (an import's LetterBatch). For building a large desk at once (the office-scale
   * benchmark's office), where a transaction per record would spend most of the time
   * committing; everything a user does goes through call.
   */
  async mutateTogether<T>(fn: (call: MutateCall, tx: Transaction<Database>) => Promise<T>): Promise<T> {
    if (!(await this.#admit())) throw new DeskError('INTERNAL', 'The desk is closed.');
    const token = {};
    const leave = this.#enter(token);
    const done: { scope: CallScope; change: AuditChange }[] = [];
    const run = async () => {
      try {
        const value = await this.#internals.db.transaction().execute((tx) =>
          fn(async (method, input) => {
            const spec = contract[method];
            if (spec.kind !== 'mutation') throw new Error(`${method} is not a mutation`);
            const parsed = (spec.input as z.ZodType).safeParse(input);
            if (!parsed.success) {
              const issues = zodIssues(parsed.error);
              throw new DeskError('VALIDATION', `${method}: ${describeIssues(issues)}`);
            }
            const scope = this.#callScope(method, spec.output as z.ZodType);
            await sql`SAVEPOINT together_call`.execute(tx);
            try {
              const { value, change } = await this.#mutate(scope, tx, method, parsed.data);
              await sql`RELEASE together_call`.execute(tx);
              done.push({ scope, change });
              return value as never;
            } catch (error) {
              await sql`ROLLBACK TO together_call`.execute(tx);
              await sql`RELEASE together_call`.execute(tx);
              scope.rollBack(0);
              throw error;
            }
          }, tx),
        );
        for (const { scope, change } of done) await scope.finish(change);
        return value;
      } catch (error) {
        for (const { scope } of done.reverse()) scope.rollBack(0);
        throw error;
      } finally {
        leave();
      }
    };
    const running = run();
    // close() waits for it; its failure is the caller's to handle.
    void this.#track(running.catch(() => undefined));
    return running;
  }

  async #run(
    method: MethodName,
    kind: string,
    output: z.ZodType,
    input: unknown,
    token: object,
  ): Promise<unknown> {
    const internals = this.#internals;
    const { db, registry, indexTouched } = internals;
    const handler = registry.get(method) as (ctx: unknown, input: unknown) => Promise<unknown>;
    const scope = this.#callScope(method, output);
    const { base, touched, rollbackHooks, rollBack, stamp, checkOutput } = scope;

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
          const done = await this.#mutate(scope, tx, method, input);
          change = done.change;
          return done.value;
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

    await scope.finish(change);
    return value;
  }
}
