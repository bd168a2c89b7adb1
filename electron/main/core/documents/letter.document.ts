/**
 * An official letter. In Persian, the Iranian administrative layout (ISIRI 379): بسمه تعالی
 * at the top, the letterhead at the right and the number, date and attachment block at the
 * top left, the classification at the top and bottom of every page, the addressee, the
 * subject, the references (پیرو / عطف), «با سلام و احترام», the body, the signature block
 * and the copies (رونوشت) with their purpose. In English, an ordinary international letter:
 * letterhead, date, references, addressee, subject line, body, signature and cc.
 */
import type { Paragraph, Table } from 'docx';
import type { Letter, LetterParty } from '../../../../shared/api/letters.contract';
import { EN, FA, para, paragraphsOf, TEXT_WIDTH, type Content } from './docx-rtl';
import { table } from './docx-table';
import type { BuiltDocument } from './document-frame';
import { enumLabel } from './enum-labels';
import {
  classificationIn,
  nameIn,
  printDate,
  printNumber,
  printRegisterNumber,
  urgencyIn,
  type DocLanguage,
} from './labels';
import { directionOf } from './bidi-text';
import type { DocContext } from './document-context';
import type { Reader } from './reader';
import { safeFileName, sanitizeLine } from './sanitize';

/** The Persian layout's words. */
const FA_WORDS = {
  title: 'نامه اداری',
  file: 'نامه',
  bismillah: 'بسمه تعالی',
  number: 'شماره',
  date: 'تاریخ',
  attachments: 'پیوست',
  noAttachments: 'ندارد',
  items: 'مورد',
  subject: 'موضوع',
  greeting: 'با سلام و احترام،',
  follows: 'پیرو نامه شماره',
  refers: 'عطف به نامه شماره',
  dated: 'مورخ',
  copies: 'رونوشت',
  classification: 'طبقه‌بندی',
} as const;

/** The English layout's words. */
const EN_WORDS = {
  title: 'Letter',
  file: 'Letter',
  ourRef: 'Our ref.',
  further: 'Further to',
  reference: 'With reference to',
  yourLetter: 'your letter no.',
  ourLetter: 'our letter no.',
  dated: 'of',
  subject: 'Subject',
  dear: 'Dear',
  excellency: 'Your Excellency,',
  sirOrMadam: 'Dear Sir or Madam,',
  closing: 'Yours sincerely,',
  enclosures: 'Enclosures',
  cc: 'cc',
} as const;

interface Person {
  /** A contact, rather than an organisation or a typed name. */
  isPerson: boolean;
  name: string;
  title: string | null;
  position: string | null;
  organisation: string | null;
}

/** Who a party is: a contact (with title and position), a partner, or the text typed. */
async function personOf(reader: Reader, party: LetterParty, language: DocLanguage): Promise<Person> {
  if (party.contact) {
    const contact = await reader.query('contacts.get', { id: party.contact.id });
    return {
      isPerson: true,
      name: nameIn(contact, language),
      title: contact.title,
      position: contact.position,
      organisation: contact.partner
        ? nameIn(contact.partner, language)
        : party.partner
          ? nameIn(party.partner, language)
          : null,
    };
  }
  const name = party.partner ? nameIn(party.partner, language) : (party.text ?? '—');
  return { isPerson: false, name, title: null, position: null, organisation: null };
}

/** The signatory: the contact the letter is from, else the staff member exporting it. */
async function signatoryOf(reader: Reader, letter: Letter, language: DocLanguage): Promise<Person> {
  if (letter.from.contact || letter.direction === 'incoming') return personOf(reader, letter.from, language);
  const me = await reader.query('users.me', {});
  if (me)
    return {
      isPerson: true,
      name: nameIn(me, language),
      title: null,
      position: me.position,
      organisation: null,
    };
  return personOf(reader, letter.from, language);
}

/** A referenced letter as the reference line names it: the sender's own number for one received. */
async function referenceLine(
  reader: Reader,
  ref: Letter['references'][number],
  language: DocLanguage,
): Promise<string> {
  let number = printRegisterNumber(ref.number, language);
  let date = ref.letterDate;
  if (ref.direction === 'incoming') {
    const earlier = await reader.query('letters.get', { id: ref.letterId });
    if (earlier.senderNumber) number = earlier.senderNumber;
    if (earlier.senderDate) date = earlier.senderDate;
  }
  if (language === 'fa') {
    const lead = ref.kind === 'follows' ? FA_WORDS.follows : FA_WORDS.refers;
    return `${lead} ${number} ${FA_WORDS.dated} ${printDate(date, 'fa', 'short')}`;
  }
  const lead = `${ref.kind === 'follows' ? EN_WORDS.further : EN_WORDS.reference} ${
    ref.direction === 'incoming' ? EN_WORDS.yourLetter : EN_WORDS.ourLetter
  }`;
  return `${lead} ${number} ${EN_WORDS.dated} ${printDate(date, 'en')}`;
}

function personLines(person: Person, bold: boolean): Content[] {
  const lines: Content[] = [{ text: [person.title, person.name].filter(Boolean).join(' '), bold }];
  if (person.position) lines.push(person.position);
  if (person.organisation) lines.push(person.organisation);
  return lines;
}

function persianLetter(letter: Letter, parts: LetterParts): (Paragraph | Table)[] {
  const w = FA_WORDS;
  const attachments =
    letter.attachmentsCount > 0
      ? `${printNumber(letter.attachmentsCount, 'fa')} ${w.items}`
      : w.noAttachments;
  const block = [
    para([{ text: `${w.number}: `, bold: true }, printRegisterNumber(letter.number, 'fa')], FA, { after: 2 }),
    para([{ text: `${w.date}: `, bold: true }, printDate(letter.letterDate, 'fa', 'short')], FA, {
      after: 2,
    }),
    para([{ text: `${w.attachments}: `, bold: true }, attachments], FA, { after: 2 }),
  ];
  if (parts.urgent) block.push(para({ text: letter.urgency, bold: true, color: 'C00000' }, FA, { after: 0 }));
  const head = table(FA, {
    widths: [3700, 2238, 3700],
    borders: false,
    rows: [
      [
        { blocks: [para({ text: parts.office, bold: true, size: 12 }, FA, { after: 0 })] },
        { blocks: [para({ text: w.bismillah, bold: true, size: 13 }, FA, { align: 'center', after: 0 })] },
        { blocks: block },
      ],
    ],
  });
  const out: (Paragraph | Table)[] = [head, para('', FA, { after: 12 })];
  personLines(parts.addressee, true).forEach((line) => out.push(para(line, FA, { after: 0 })));
  out.push(
    para(
      [
        { text: `${w.subject}: `, bold: true },
        { text: letter.subject, bold: true },
      ],
      FA,
      { before: 12, after: 6 },
    ),
  );
  parts.references.forEach((line) => out.push(para(line, FA, { after: 2 })));
  out.push(para('', FA, { after: 2 }));
  if (directionOf(letter.body ?? '') !== 'ltr' && !/^\s*با\s+سلام/.test(letter.body ?? '')) {
    out.push(para(w.greeting, FA, { after: 4 }));
  }
  out.push(...paragraphsOf(letter.body, FA, { align: 'justify', after: 6, line: 1.4, auto: true }));
  out.push(para('', FA, { after: 18 }));
  personLines(parts.signatory, true).forEach((line, i) =>
    out.push(
      para(line, FA, { align: 'center', indentStart: TEXT_WIDTH * 0.55, after: 0, keepNext: i === 0 }),
    ),
  );
  if (parts.copies.length > 0) {
    out.push(para({ text: `${w.copies}:`, bold: true }, FA, { before: 24, after: 2, keepNext: true }));
    parts.copies.forEach((line) => out.push(para(`- ${line}`, FA, { after: 0, style: { size: 10 } })));
  }
  return out;
}

function englishLetter(letter: Letter, parts: LetterParts): (Paragraph | Table)[] {
  const w = EN_WORDS;
  const out: (Paragraph | Table)[] = [
    para({ text: parts.office, bold: true, size: 14, color: '1F3864' }, EN, { align: 'center', after: 18 }),
    para(printDate(letter.letterDate, 'en'), EN, { align: 'end', after: 6 }),
    para([{ text: `${w.ourRef} `, bold: true }, printRegisterNumber(letter.number, 'en')], EN, { after: 0 }),
  ];
  parts.references.forEach((line) => out.push(para(line, EN, { after: 0 })));
  if (parts.urgent)
    out.push(para({ text: urgencyIn(letter.urgency, 'en'), bold: true, color: 'C00000' }, EN, { after: 0 }));
  out.push(para('', EN, { after: 12 }));
  personLines(parts.addressee, false).forEach((line) => out.push(para(line, EN, { after: 0 })));
  out.push(
    para(
      [
        { text: `${w.subject}: `, bold: true },
        { text: letter.subject, bold: true },
      ],
      EN,
      { before: 14, after: 10 },
    ),
  );
  const body = letter.body ?? '';
  // A Persian body keeps its own opening and closing; an English one gets the usual ones.
  const english = directionOf(body) !== 'rtl';
  if (english && !/^\s*(dear|your excellency|excellency|sir|madam)\b/i.test(body)) {
    const { title, name, isPerson } = parts.addressee;
    const greeting = !isPerson
      ? w.sirOrMadam
      : title && /^h\.?\s?e\.?$/i.test(title)
        ? w.excellency
        : `${w.dear} ${[title, name].filter(Boolean).join(' ')},`;
    out.push(para(greeting, EN, { after: 8 }));
  }
  out.push(...paragraphsOf(body, EN, { align: 'justify', after: 8, line: 1.25, auto: true }));
  out.push(
    para(english && !/(sincerely|faithfully|regards)[,.]?\s*$/i.test(body) ? w.closing : '', EN, {
      before: 6,
      after: 36,
      keepNext: true,
    }),
  );
  personLines(parts.signatory, true).forEach((line, i) =>
    out.push(para(line, EN, { after: 0, keepNext: i === 0 })),
  );
  if (letter.attachmentsCount > 0) {
    out.push(
      para(`${w.enclosures}: ${printNumber(letter.attachmentsCount, 'en')}`, EN, { before: 12, after: 0 }),
    );
  }
  if (parts.copies.length > 0) {
    out.push(para({ text: `${w.cc}:`, bold: true }, EN, { before: 12, after: 0, keepNext: true }));
    parts.copies.forEach((line) =>
      out.push(para(line, EN, { after: 0, indentStart: 360, style: { size: 10 } })),
    );
  }
  return out;
}

interface LetterParts {
  office: string;
  addressee: Person;
  signatory: Person;
  references: string[];
  copies: string[];
  urgent: boolean;
}

/** The letter `id` as an official letter in the document's language. */
export async function letterDocument(doc: DocContext, id: string): Promise<BuiltDocument> {
  const { reader, language, settings } = doc;
  const letter = await reader.query('letters.get', { id });
  const copies: string[] = [];
  for (const copy of letter.copies) {
    const who = await personOf(reader, copy, language);
    const name = [who.title, who.name].filter(Boolean).join(' ');
    const whom = [name, who.position, who.organisation].filter(Boolean).join(language === 'fa' ? '، ' : ', ');
    copies.push(
      `${whom} ${language === 'fa' ? '' : '– '}${enumLabel('copyPurpose', copy.purpose, language)}`,
    );
  }
  const references: string[] = [];
  for (const ref of letter.references) references.push(await referenceLine(reader, ref, language));
  const parts: LetterParts = {
    office: doc.office,
    addressee: await personOf(reader, letter.to, language),
    signatory: await signatoryOf(reader, letter, language),
    references,
    copies,
    urgent: letter.urgency !== settings['letters.urgencies'][0],
  };
  const defaultClassification = letter.classification === settings['letters.classifications'][0];
  const classification =
    language === 'fa'
      ? { text: `${FA_WORDS.classification}: ${letter.classification}` }
      : defaultClassification
        ? null
        : { text: classificationIn(letter.classification, 'en').toUpperCase() };
  const number = sanitizeLine(printRegisterNumber(letter.number, language)).replace(/\//g, '-');
  const words = language === 'fa' ? FA_WORDS : EN_WORDS;
  return {
    frame: {
      language,
      lang: doc.lang,
      title: language === 'fa' ? FA_WORDS.title : EN_WORDS.title,
      classification: classification
        ? { ...classification, color: defaultClassification ? '404040' : 'C00000' }
        : null,
      sections: [
        { children: language === 'fa' ? persianLetter(letter, parts) : englishLetter(letter, parts) },
      ],
    },
    fileName: safeFileName(`${words.file} ${number}`, words.file),
    record: {
      entity: 'letter',
      id: letter.id,
      details: { number: letter.number, classification: letter.classification },
    },
  };
}
