/** SQLite's plan for a Kysely query, for the tests that check which index a query reads. */
import { CompiledQuery, type Compilable, type Kysely } from 'kysely';

/** The plan's lines joined, e.g. `SEARCH letters USING INDEX letters_letter_date (letter_date>?)`. */
export async function queryPlan<DB>(db: Kysely<DB>, query: Compilable<unknown>): Promise<string> {
  const compiled = query.compile();
  const { rows } = await db.executeQuery<{ detail: string }>(
    CompiledQuery.raw(`EXPLAIN QUERY PLAN ${compiled.sql}`, [...compiled.parameters]),
  );
  return rows.map((r) => r.detail).join('\n');
}
