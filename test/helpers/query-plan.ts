/** SQLite's plan for a Kysely query, for the tests that check which index a query reads. */
import { CompiledQuery, type Compilable, type Kysely, type RawBuilder } from 'kysely';

/** The plan's lines joined, e.g. `SEARCH letters USING INDEX letters_letter_date (letter_date>?)`. */
export async function queryPlan<DB>(
  db: Kysely<DB>,
  query: Compilable<unknown> | RawBuilder<unknown>,
): Promise<string> {
  // A raw statement (sql`...`) compiles against the database given; a query builder ignores it.
  const compiled = query.compile(db);
  const { rows } = await db.executeQuery<{ detail: string }>(
    CompiledQuery.raw(`EXPLAIN QUERY PLAN ${compiled.sql}`, [...compiled.parameters]),
  );
  return rows.map((r) => r.detail).join('\n');
}
