/**
 * Hostile text never breaks a document or becomes anything but text: markup, every control
 * character, U+FFFE and U+FFFF, bidi overrides and isolates, in every field a document
 * prints — some typed through the API, the rest written straight into the database as an
 * old import might have left them. Every kind, in both languages, stays well-formed XML
 * with no field, link or part the text asked for.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentExportInput } from '../../shared/api/documents.contract';
import { openTestDesk, tempDir, type TestDesk } from '../helpers/desk';
import { seedDocumentsWorld, type DocumentsWorld } from './documents.fixtures';
import { bodyText, dangers, headerFooterParts, openDocx, paragraphsIn } from './documents.inspect';

/** Markup that would end the text and start a field, a hyperlink and a macro reference. */
const MARKUP =
  'A<b>&amp;</w:t></w:r><w:r><w:instrText>HYPERLINK "http://evil.example"</w:instrText></w:r>]]><!--x--><?xml?>';
/** Every C0 control, DEL and C1 controls. */
const CONTROLS = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + '\u007f\u0085\u009f';
const NONCHARACTERS = '\ufffe\uffff\ufdd0';
const BIDI = '\u202egnp.exe\u202c \u2066isolated\u2069 \u202atext\u202b';
const HOSTILE = `${MARKUP} ${NONCHARACTERS} ${BIDI} پایان`;

let t: TestDesk;
let w: DocumentsWorld;
let out: string;

beforeAll(async () => {
  t = await openTestDesk();
  w = await seedDocumentsWorld((method, input) => t.ok(method, input));
  out = tempDir('documents-hostile-');
  // Through the API: what its schemas accept (markup, noncharacters, bidi controls).
  await t.ok('letters.update', {
    id: w.outgoingLetter,
    subject: `موضوع ${HOSTILE}`,
    body: `متن\n${HOSTILE}`,
  });
  await t.ok('partners.update', { id: w.florence, notes: HOSTILE, website: HOSTILE });
  // Straight into the database: what only an old import could have left (control characters).
  const db = t.desk.internals.db;
  const raw = `${HOSTILE} ${CONTROLS}`;
  await sql`UPDATE partners SET name_fa = ${`فلورانس ${raw}`}, name_en = ${`Florence ${raw}`} WHERE id = ${w.florence}`.execute(
    db,
  );
  await sql`UPDATE contacts SET name_fa = ${raw}, position = ${raw}`.execute(db);
  await sql`UPDATE letters SET subject = ${raw}`.execute(db);
  await sql`UPDATE letter_bodies SET body = ${`${raw}\n${raw}`}`.execute(db);
  await sql`UPDATE cases SET title = ${raw}`.execute(db);
  await sql`UPDATE agreements SET title = ${raw}, signed_place = ${raw}`.execute(db);
  await sql`UPDATE agreement_clauses SET texts = ${JSON.stringify({ fa: raw, en: raw, it: raw })}`.execute(
    db,
  );
  await sql`UPDATE agreement_parties SET signatory_name = ${raw}`.execute(db);
  await sql`UPDATE events SET title = ${raw}, objectives = ${raw}, outcome = ${raw}, venue = ${raw}`.execute(
    db,
  );
  await sql`UPDATE programme_items SET title = ${raw}`.execute(db);
  await sql`UPDATE delegation_members SET name = ${raw}`.execute(db);
  await sql`UPDATE gifts SET description = ${raw}, giver = ${raw}`.execute(db);
  await sql`UPDATE approval_authorities SET name_fa = ${raw}, name_en = ${raw}`.execute(db);
});
afterAll(async () => {
  await t.cleanup();
  rmSync(out, { recursive: true, force: true });
});

const KINDS: [string, () => Omit<DocumentExportInput, 'language'>][] = [
  ['letter', () => ({ kind: 'letter', id: w.outgoingLetter })],
  ['agreement', () => ({ kind: 'agreement', id: w.draftMou })],
  ['partner briefing', () => ({ kind: 'partnerBriefing', id: w.florence })],
  ['event brief', () => ({ kind: 'eventBrief', id: w.event })],
  ['activity report', () => ({ kind: 'activityReport', period: { year: 1404 } })],
];

describe.each(['fa', 'en'] as const)('hostile text in %s', (language) => {
  it.each(KINDS)('leaves the %s well-formed, with the markup as plain text', async (name, input) => {
    const path = join(out, `${name}-${language}.docx`);
    await t.ok('documents.export', { ...input(), language, path } as DocumentExportInput);
    const pkg = openDocx(readFileSync(path));
    expect(dangers(pkg)).toEqual([]);
    const everything = [...pkg.xml.values()].join('');
    expect(everything).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(everything).not.toMatch(/evil\.example"<\/w:instrText>/);
    const text = [
      bodyText(pkg),
      ...headerFooterParts(pkg).map((d) =>
        paragraphsIn(d)
          .map((p) => p.text)
          .join('\n'),
      ),
    ].join('\n');
    expect(text).toContain(
      'A<b>&amp;</w:t></w:r><w:r><w:instrText>HYPERLINK "http://evil.example"</w:instrText></w:r>]]>',
    );
    expect(text).toContain('gnp.exe isolated text');
  });
});
