/**
 * Allocating register numbers. The counter row of a secretariat and Jalali year is bumped in
 * the transaction that inserts the letter, so a number is given exactly once and a rolled-back
 * registration gives its number back: the register has no gaps and no duplicates.
 */
import { sql, type Transaction } from 'kysely';
import { jalaliYearOf } from '../../../../shared/dates/jalali';
import { formatRegisterNumber } from '../../../../shared/letters/register-number';
import type { Database } from '../db/tables';
import { invalid } from '../errors';

export interface AllocatedNumber {
  secretariat: string;
  jalaliYear: number;
  seq: number;
  /** Formatted from the pattern, ASCII digits. */
  number: string;
}

/** Takes the next sequence number of a secretariat's register for one Jalali year. */
export async function nextRegisterSeq(
  tx: Transaction<Database>,
  secretariat: string,
  jalaliYear: number,
): Promise<number> {
  const row = await tx
    .insertInto('register_counters')
    .values({ secretariat, jalali_year: jalaliYear, last_seq: 1 })
    .onConflict((oc) =>
      oc
        .columns(['secretariat', 'jalali_year'])
        .doUpdateSet((eb) => ({ last_seq: eb('register_counters.last_seq', '+', 1) })),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return row.last_seq;
}

/**
 * Makes sure the counter is at least `seq`, for letters that arrive with their number already
 * given (an import of an older register): the next registration then continues after them.
 */
export async function raiseRegisterCounter(
  tx: Transaction<Database>,
  secretariat: string,
  jalaliYear: number,
  seq: number,
): Promise<void> {
  await tx
    .insertInto('register_counters')
    .values({ secretariat, jalali_year: jalaliYear, last_seq: seq })
    .onConflict((oc) =>
      oc
        .columns(['secretariat', 'jalali_year'])
        .doUpdateSet({ last_seq: sql<number>`max(register_counters.last_seq, excluded.last_seq)` }),
    )
    .execute();
}

/**
 * The register number of a letter dated `letterDate`. The letter's own date decides the
 * year, so the register rolls over at Nowruz (1404/12/29 = 2026-03-20 is still 1404;
 * 2026-03-21 is 1405/01/01), not on 1 January.
 */
export async function allocateRegisterNumber(
  tx: Transaction<Database>,
  options: { secretariat: string; letterDate: string; pattern: string },
): Promise<AllocatedNumber> {
  const jalaliYear = jalaliYearOf(options.letterDate);
  const seq = await nextRegisterSeq(tx, options.secretariat, jalaliYear);
  const number = formatRegisterNumber(options.pattern, {
    seq,
    year: jalaliYear,
    secretariat: options.secretariat,
  });
  return { secretariat: options.secretariat, jalaliYear, seq, number };
}

/**
 * Registers a letter under a number it already has (an older register, imported): the number
 * must be of the letter's own Jalali year, and the counter is raised to it, so the desk's own
 * numbering continues after the highest number it holds. The register's unique index refuses
 * a number given twice.
 */
export async function takeGivenRegisterNumber(
  tx: Transaction<Database>,
  given: AllocatedNumber,
  letterDate: string,
): Promise<AllocatedNumber> {
  checkGivenYear(given, letterDate);
  await raiseRegisterCounter(tx, given.secretariat, given.jalaliYear, given.seq);
  return given;
}

/** A given number must be of the Jalali year the letter is dated in. */
export function checkGivenYear(given: AllocatedNumber, letterDate: string): void {
  const jalaliYear = jalaliYearOf(letterDate);
  if (given.jalaliYear !== jalaliYear) {
    throw invalid(`The number is of ${given.jalaliYear} but the letter is dated in ${jalaliYear}.`, [
      'number',
    ]);
  }
}

/** The counter of a secretariat's register for one Jalali year: the last number given (0 if none). */
export async function readRegisterCounter(
  tx: Transaction<Database>,
  secretariat: string,
  jalaliYear: number,
): Promise<number> {
  const row = await tx
    .selectFrom('register_counters')
    .select('last_seq')
    .where('secretariat', '=', secretariat)
    .where('jalali_year', '=', jalaliYear)
    .executeTakeFirst();
  return row?.last_seq ?? 0;
}
