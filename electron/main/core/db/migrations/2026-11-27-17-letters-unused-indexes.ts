/**
 * Drops four indexes of the letters table that no query reads: the sender's and the
 * addressee's partner and contact. The register finds a partner's letters through
 * `letter_partners` (which holds the sender's and addressee's partners too), and nothing
 * looks letters up by contact; partners and contacts are never deleted, so SQLite's foreign
 * key checks never search the letters for them either. Every registration wrote an entry
 * into each (with page splits among the many empty ones). SQLite frees their pages for later
 * writes. Frozen: never edit after release; add a new migration instead.
 */
import type { Kysely } from 'kysely';

const DROPPED = ['letters_from_partner', 'letters_to_partner', 'letters_from_contact', 'letters_to_contact'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const name of DROPPED) await db.schema.dropIndex(name).execute();
}
