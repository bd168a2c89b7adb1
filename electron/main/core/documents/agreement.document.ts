/**
 * An agreement: its title, parties, preamble and numbered clauses, in one language or in
 * two or three side by side (one table column per language, each cell in its own
 * direction), the place and date of signing, and a signature block for every party. An
 * agreement not yet approved carries «پیش‌نویس – نسخه N» / "DRAFT – version N" on every
 * page and a DRAFT watermark.
 */
import type { Paragraph, Table } from 'docx';
import type { LanguageCode } from '../../../../shared/agreements/languages';
import type { AgreementParty } from '../../../../shared/api/agreements.contract';
import type { AgreementStatus } from '../../../../shared/agreements/workflow';
import { toPersianDigits } from '../../../../shared/text/digits';
import { loadAgreementForDocument, type AgreementDocument } from '../agreements/agreements.service';
import { invalid } from '../errors';
import { agreementDate, agreementWords } from './agreement-words';
import type { DocContext } from './document-context';
import type { BuiltDocument } from './document-frame';
import { langOf, para, paragraphsOf, TEXT_WIDTH, type Lang } from './docx-rtl';
import { table } from './docx-table';
import { enumLabel } from './enum-labels';
import { printNumber, type Phrases } from './labels';
import { safeFileName } from './sanitize';

/** Statuses whose text is still being worked on: printed as drafts. */
const DRAFT_STATUSES: readonly AgreementStatus[] = [
  'draft',
  'internal_review',
  'legal_review',
  'awaiting_approvals',
];

const L: Phrases<
  'draft' | 'workingVersion' | 'notWritten' | 'for' | 'signature' | 'name' | 'position' | 'file'
> = {
  fa: {
    draft: 'پیش‌نویس – نسخه',
    workingVersion: '(در دست تدوین)',
    notWritten: 'متن به این زبان هنوز نوشته نشده است.',
    for: 'از طرف',
    signature: 'امضا',
    name: 'نام',
    position: 'سمت',
    file: 'توافق‌نامه',
  },
  en: {
    draft: 'DRAFT – version',
    workingVersion: '(working text)',
    notWritten: 'Not yet written in this language.',
    for: 'For',
    signature: 'Signature',
    name: 'Name',
    position: 'Position',
    file: 'Agreement',
  },
};

/** The language each party's own name (nameNative) is written in, by partner id. */
type NativeLanguages = ReadonlyMap<string, string | null>;

/**
 * A party's name in a column's language: Persian, English, or its own name when the column
 * is in its own language (Казань in the Russian column), else its English name.
 */
function partyName(party: AgreementParty, code: string, natives: NativeLanguages): string {
  if (code === 'fa') return party.nameFa;
  if (party.nameNative && natives.get(party.partnerId) === code) return party.nameNative;
  return party.nameEn ?? party.nameFa;
}

function placeAndDate(agreement: AgreementDocument, code: string): string {
  const blank = '……………………';
  const place = agreement.signedPlace ?? blank;
  const date = agreement.signedDate ? agreementDate(agreement.signedDate, code) : blank;
  return agreementWords(code).doneAt(place, date);
}

/** What one language's column (or the whole text, in one language) holds, block by block. */
interface ColumnText {
  parties: Paragraph[];
  preamble: Paragraph[];
  clauses: Paragraph[][];
  doneAt: Paragraph[];
}

function columnText(
  doc: DocContext,
  agreement: AgreementDocument,
  code: LanguageCode,
  natives: NativeLanguages,
  inTable: boolean,
): ColumnText {
  const lang = langOf(code);
  const words = agreementWords(code);
  const missing = (text: string | undefined) =>
    (text ?? '').trim() === ''
      ? [para({ text: L[doc.language].notWritten, italics: true, color: '7F7F7F' }, lang, { after: 0 })]
      : [];
  const body = (text: string | undefined) => [
    ...paragraphsOf(text, lang, { after: 4, line: 1.3 }),
    ...missing(text),
  ];
  return {
    parties: [
      para({ text: words.parties, bold: true }, lang, { after: 2 }),
      ...agreement.parties.map((p) =>
        para(partyName(p, code, natives), lang, { after: 0, indentStart: 240 }),
      ),
    ],
    preamble: body(agreement.preamble[code]),
    clauses: agreement.clauses.map((clause, i) => [
      // In a table the row keeps heading and text together; LibreOffice would carry a
      // keep-with-next inside a table over to the whole rest of the table.
      para({ text: words.clause(i + 1), bold: true }, lang, { after: 2, keepNext: !inTable }),
      ...body(clause.texts[code]),
    ]),
    doneAt: [para(placeAndDate(agreement, code), lang, { before: 6, after: 0 })],
  };
}

function sideBySide(
  doc: DocContext,
  agreement: AgreementDocument,
  codes: readonly LanguageCode[],
  natives: NativeLanguages,
): Table {
  const columns = codes.map((code) => columnText(doc, agreement, code, natives, true));
  const width = Math.floor(TEXT_WIDTH / codes.length);
  const row = (pick: (c: ColumnText) => Paragraph[]) => columns.map((c) => ({ blocks: pick(c) }));
  return table(doc.lang, {
    widths: codes.map(() => width),
    header: codes.map((code) => agreementWords(code).name),
    headerAlign: 'center',
    rows: [
      row((c) => c.parties),
      row((c) => c.preamble),
      ...agreement.clauses.map((_, i) => row((c) => c.clauses[i] ?? [])),
      row((c) => c.doneAt),
    ],
  });
}

function oneLanguage(
  doc: DocContext,
  agreement: AgreementDocument,
  code: LanguageCode,
  natives: NativeLanguages,
): Paragraph[] {
  const c = columnText(doc, agreement, code, natives, false);
  return [
    ...c.parties,
    para('', langOf(code), { after: 6 }),
    ...c.preamble,
    ...c.clauses.flat(),
    ...c.doneAt,
  ];
}

/** One signature block per party, two to a row, headed in the document's language. */
function signatures(
  doc: DocContext,
  agreement: AgreementDocument,
  codes: readonly LanguageCode[],
  natives: NativeLanguages,
): Table {
  const w = L[doc.language];
  const lang: Lang = doc.lang;
  const blocks = agreement.parties.map((party) => {
    const names = [...new Set([doc.language, ...codes].map((code) => partyName(party, code, natives)))];
    const paragraphs: Paragraph[] = [
      para({ text: `${w.for} ${names[0] ?? party.nameFa}`, bold: true }, lang, { after: 2 }),
      ...names.slice(1).map((n) => para({ text: n, size: 9, color: '595959' }, lang, { after: 2 })),
      para(`${w.name}: ${party.signatoryName ?? '……………………'}`, lang, { before: 6, after: 2 }),
      para(`${w.position}: ${party.signatoryPosition ?? '……………………'}`, lang, { after: 2 }),
      para(`${w.signature}: ……………………………`, lang, { before: 18, after: 4 }),
    ];
    return { blocks: paragraphs };
  });
  const perRow = blocks.length >= 3 && blocks.length % 3 === 0 ? 3 : 2;
  const rows: { blocks: Paragraph[] }[][] = [];
  for (let i = 0; i < blocks.length; i += perRow) {
    const row = blocks.slice(i, i + perRow);
    while (row.length < perRow) row.push({ blocks: [] });
    rows.push(row);
  }
  const width = Math.floor(TEXT_WIDTH / perRow);
  return table(lang, { widths: Array.from({ length: perRow }, () => width), rows, borders: false });
}

/** The agreement `id` (or its saved `version`) in the chosen columns. */
export async function agreementDocument(
  doc: DocContext,
  id: string,
  options: { languages?: readonly LanguageCode[]; version?: number },
): Promise<BuiltDocument> {
  const agreement = await loadAgreementForDocument(doc.reader.tx, id, options.version ?? null, doc.today);
  const codes = options.languages ?? agreement.languages;
  const unknown = codes.filter((code) => !agreement.languages.includes(code));
  if (unknown.length > 0) {
    throw invalid(`The agreement is not written in ${unknown.join(', ')}.`, ['languages']);
  }
  const natives = new Map<string, string | null>();
  for (const party of agreement.parties) {
    natives.set(
      party.partnerId,
      (await doc.reader.query('partners.get', { id: party.partnerId })).nativeLanguage,
    );
  }
  const w = L[doc.language];
  const draft = DRAFT_STATUSES.includes(agreement.status);
  const versionNumber = agreement.version ?? (agreement.latestVersion ?? 0) + 1;
  const versionText = printNumber(versionNumber, doc.language);
  const banner = draft
    ? `${w.draft} ${versionText}${agreement.version === null ? ` ${w.workingVersion}` : ''}`
    : null;
  const kind = enumLabel('agreementKind', agreement.kind, doc.language);
  const children: (Paragraph | Table)[] = [
    para({ text: kind, size: 12, color: '2E5597', bold: true }, doc.lang, { align: 'center', after: 4 }),
    para({ text: agreement.title, size: 16, bold: true, color: '1F3864' }, doc.lang, {
      align: 'center',
      after: 14,
    }),
  ];
  const [only] = codes;
  if (codes.length === 1 && only) children.push(...oneLanguage(doc, agreement, only, natives));
  else children.push(sideBySide(doc, agreement, codes, natives));
  children.push(para('', doc.lang, { after: 18 }), signatures(doc, agreement, codes, natives));
  const suffix = draft
    ? ` - ${w.draft} ${doc.language === 'fa' ? toPersianDigits(String(versionNumber)) : versionNumber}`
    : '';
  return {
    frame: {
      language: doc.language,
      lang: doc.lang,
      title: kind,
      banner,
      watermark: draft ? 'DRAFT' : null,
      sections: [{ children }],
    },
    fileName: safeFileName(`${agreement.title}${suffix}`, w.file),
    record: {
      entity: 'agreement',
      id: agreement.id,
      details: { status: agreement.status, version: agreement.version, languages: [...codes] },
    },
  };
}
