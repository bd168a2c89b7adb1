/**
 * Registering thousands of letters in one transaction (an import of an older register).
 * Each letter passes exactly the checks of createLetter and gets its number in the same
 * order (the next of its year, or the number it is given, the counter raised to it); the
 * numbers are counted in memory and the rows written a batch at a time in multi-row
 * statements. Names of partners and contacts are read once each, the settings once.
 *
 * The caller owns the transaction: `add` checks and numbers a letter (a refused letter
 * throws and takes no number), `flush` writes what was added, with its search entries. If `flush` fails, the caller
 * rolls back to a savepoint taken before the batch and calls `discard`.
 */
import { formatRegisterNumber } from '../../../../shared/letters/register-number';
import { jalaliYearOf } from '../../../../shared/dates/jalali';
import type { Letter } from '../../../../shared/api/letters.contract';
import type { Settings } from '../../../../shared/api/settings.schema';
import type { Mutated } from '../context';
import { newId } from '../ids';
import { knownNames, type KnownNames } from './letter-checks';
import { insertLetterBodies, insertLetterLinks, insertLetterRows } from './letters-batch.repository';
import {
  checkGivenNumber,
  checkNewLetter,
  newLetterDone,
  newLetterSearchDocument,
  registeredRow,
  type CheckedLetter,
  type CreateInput,
} from './letters.new';
import { indexNewRecords } from '../search/search.indexer';
import { refreshLetterStates } from './letters.repository';
import type { LetterWriteContext } from './letters.service';
import type { LetterRow } from './letters.table';
import {
  checkGivenYear,
  raiseRegisterCounter,
  readRegisterCounter,
  type AllocatedNumber,
} from './register-number';

const counterKey = (secretariat: string, year: number) => `${year}|${secretariat}`;

export class LetterBatch {
  readonly #ctx: LetterWriteContext;
  readonly #settings: Settings;
  readonly #names: KnownNames = knownNames();
  /** Last number given per register, as this transaction has it (written by flush). */
  #counters = new Map<string, { secretariat: string; year: number; last: number; dirty: boolean }>();
  #pending: { checked: CheckedLetter; row: LetterRow }[] = [];

  constructor(ctx: LetterWriteContext, settings: Settings) {
    this.#ctx = ctx;
    this.#settings = settings;
  }

  /** Letters added and not yet written. */
  get pending(): number {
    return this.#pending.length;
  }

  /**
   * Checks a letter and numbers it; answers what createLetter would answer. Throws the same
   * refusals createLetter throws (nothing is taken then). Written by the next flush.
   */
  async add(input: CreateInput, given?: AllocatedNumber): Promise<Mutated<Letter>> {
    const checked = await checkNewLetter(this.#ctx, input, this.#settings, this.#names);
    const year = jalaliYearOf(input.letterDate);
    let registered: AllocatedNumber;
    if (given) {
      checkGivenNumber(checked, given);
      checkGivenYear(given, input.letterDate);
      const counter = await this.#counter(given.secretariat, year);
      if (given.seq > counter.last) Object.assign(counter, { last: given.seq, dirty: true });
      registered = given;
    } else {
      const counter = await this.#counter(checked.secretariat, year);
      const seq = counter.last + 1;
      Object.assign(counter, { last: seq, dirty: true });
      registered = {
        secretariat: checked.secretariat,
        jalaliYear: year,
        seq,
        number: formatRegisterNumber(this.#settings['letters.numberPattern'], {
          seq,
          year,
          secretariat: checked.secretariat,
        }),
      };
    }
    const row = registeredRow(checked, registered);
    this.#pending.push({ checked, row });
    // Indexed by flush, with the batch.
    return newLetterDone(this.#ctx, checked, row, true);
  }

  async #counter(secretariat: string, year: number) {
    const key = counterKey(secretariat, year);
    let counter = this.#counters.get(key);
    if (!counter) {
      const last = await readRegisterCounter(this.#ctx.tx, secretariat, year);
      counter = { secretariat, year, last, dirty: false };
      this.#counters.set(key, counter);
    }
    return counter;
  }

  /** Writes every letter added since the last flush, with its body, links and counters. */
  async flush(): Promise<void> {
    const { tx } = this.#ctx;
    const pending = this.#pending;
    this.#pending = [];
    if (pending.length === 0) return;
    await insertLetterRows(
      tx,
      pending.map((p) => p.row),
    );
    await insertLetterBodies(
      tx,
      pending.flatMap(({ checked, row }) =>
        checked.body !== null ? [{ letter_id: row.id, body: checked.body }] : [],
      ),
    );
    await insertLetterLinks(tx, {
      references: pending.flatMap(({ checked, row }) =>
        checked.references.map((r, position) => ({
          letter_id: row.id,
          target_id: r.targetId,
          kind: r.kind,
          position,
        })),
      ),
      copies: pending.flatMap(({ checked, row }) =>
        checked.copies.map((c, position) => ({
          id: newId(),
          letter_id: row.id,
          position,
          partner_id: c.partnerId,
          contact_id: c.contactId,
          text: c.text,
          purpose: c.purpose,
        })),
      ),
      // As replacePartners links them: a side first, a user's choice marks it explicit.
      partners: pending.flatMap(({ checked, row }) => {
        const links = new Map<string, number>();
        for (const id of checked.sides) links.set(id, 0);
        for (const id of checked.explicitPartnerIds) links.set(id, 1);
        return [...links].map(([partner_id, explicit]) => ({ letter_id: row.id, partner_id, explicit }));
      }),
    });
    const answered = new Set(pending.flatMap(({ checked }) => checked.references.map((r) => r.targetId)));
    if (answered.size > 0) await refreshLetterStates(tx, [...answered]);
    for (const counter of this.#counters.values()) {
      if (!counter.dirty) continue;
      await raiseRegisterCounter(tx, counter.secretariat, counter.year, counter.last);
      counter.dirty = false;
    }
    // The search entries, from what was written (as createLetter writes them).
    await indexNewRecords(
      tx,
      'letter',
      pending.map(({ checked, row }) => newLetterSearchDocument(checked, row)),
    );
  }

  /**
   * Forgets what was added and the counters read, after the caller rolled back to before
   * the batch (the names stay: nothing that was rolled back changed a partner or contact).
   */
  discard(): void {
    this.#pending = [];
    this.#counters = new Map();
  }
}
