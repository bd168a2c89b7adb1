/**
 * Migrations that say how far they are: each pending migration reports when it starts, and a
 * long one (rebuilding an index over every letter) may report its own rows through the
 * context it is given as its second argument. The opening screen shows both.
 */
import type { Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';

/**
 * What a migration may use besides the database: a long one (rebuilding an index over every
 * letter) reports its rows with `progress`, which the opening screen shows. Absent when the
 * migration runs for a reference structure on an empty database.
 */
export interface MigrationContext {
  progress(done: number, total: number): void;
}

/** A migration that reports its progress: `up(db, context)`; Kysely itself passes only `db`. */
export interface ReportingMigration extends Migration {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>, context?: MigrationContext): Promise<void>;
}

export interface MigrationSteps {
  /** Called as migration `step` (1-based) of `steps` starts. */
  started(step: number, steps: number, name: string): void;
  /** The running migration's own progress. */
  progress(done: number, total: number): void;
}

/**
 * A provider of `all` in which each of the `pending` migrations says when it starts and may
 * report its own progress; the others are answered as they are (Kysely only runs pending ones).
 */
export function reportingProvider(
  all: Record<string, ReportingMigration>,
  pending: readonly string[],
  steps: MigrationSteps,
): MigrationProvider {
  const wrapped: Record<string, Migration> = {};
  for (const [name, migration] of Object.entries(all)) {
    const step = pending.indexOf(name) + 1;
    wrapped[name] =
      step === 0
        ? migration
        : {
            ...migration,
            up: async (db) => {
              steps.started(step, pending.length, name);
              await migration.up(db, { progress: (done, total) => steps.progress(done, total) });
            },
          };
  }
  return { getMigrations: async () => wrapped };
}
