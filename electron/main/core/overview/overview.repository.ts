/** Counts and short lists across the domains, for the Desk page. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables';

type Db = Kysely<Database> | Transaction<Database>;

async function count(query: {
  executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }>;
}): Promise<number> {
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** How much the office holds: partners not archived, relationships, cases not closed, letters of a date range, attachments. */
export async function officeCounts(db: Db, lettersFrom: string, lettersTo: string) {
  const [partners, relationships, openCases, lettersThisYear, attachments] = await Promise.all([
    count(
      db
        .selectFrom('partners')
        .where('archived', '=', 0)
        .select((eb) => eb.fn.countAll<number>().as('n')),
    ),
    count(db.selectFrom('relationships').select((eb) => eb.fn.countAll<number>().as('n'))),
    count(
      db
        .selectFrom('cases')
        .where('closed_on', 'is', null)
        .select((eb) => eb.fn.countAll<number>().as('n')),
    ),
    count(
      db
        .selectFrom('letters')
        .where('letter_date', '>=', lettersFrom)
        .where('letter_date', '<=', lettersTo)
        .select((eb) => eb.fn.countAll<number>().as('n')),
    ),
    count(db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n'))),
  ]);
  return { partners, relationships, openCases, lettersThisYear, attachments };
}
