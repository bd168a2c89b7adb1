/**
 * Indexes that make a relationship's last activity (relationships/timeline.sources.ts,
 * lastActivityOf) a seek per kind of linked record: its cases by closing day, and per case the
 * newest letter, agreement and event that name no relationship themselves. Partial, so they
 * hold only those records and are never mistaken for the narrowest index of a whole table.
 * Frozen: never edit after release; add a new migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('cases_relationship_closed')
    .on('cases')
    .columns(['relationship_id', 'closed_on', 'id'])
    .where(sql.ref('relationship_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('letters_case_unfiled')
    .on('letters')
    .columns(['case_id', 'letter_date', 'relationship_id'])
    .where(sql.ref('relationship_id'), 'is', null)
    .execute();
  await db.schema
    .createIndex('agreements_case_unfiled')
    .on('agreements')
    .columns(['case_id', 'signed_date', 'created_at', 'relationship_id'])
    .where(sql.ref('relationship_id'), 'is', null)
    .execute();
  await db.schema
    .createIndex('events_case_unfiled')
    .on('events')
    .columns(['case_id', 'start_date', 'relationship_id'])
    .where(sql.ref('relationship_id'), 'is', null)
    .execute();
}
