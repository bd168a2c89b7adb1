/**
 * An index of the cases still open (no closing day), for the Desk's count of open cases.
 * Without it the count reads every case of the office (20,000 at office scale, through the
 * page cache) to find the few thousand open ones; with it, it counts the open cases' entries
 * alone. Partial, so it holds only open cases and a closing removes the case from it.
 * A case's closing day is set exactly when its status is done or cancelled
 * (cases.service.ts, closedOnFor). Frozen: never edit after release; add a new migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('cases_open')
    .on('cases')
    .column('closed_on')
    .where(sql.ref('closed_on'), 'is', null)
    .execute();
}
