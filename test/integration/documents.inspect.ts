/**
 * Reads a .docx the way a strict consumer would: every part unzipped (fflate), every XML
 * part parsed by @xmldom/xmldom with an error handler that throws, and checked for the
 * characters XML 1.0 forbids (which xmldom lets through). Then answers what the documents
 * tests ask: paragraphs with their direction, alignment and runs, the text in order, and
 * anything a document must never carry (external links, macros, OLE, imported chunks,
 * fields other than page numbers and page references).
 */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A character outside XML 1.0's Char production, raw or as a character reference. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/u;

function forbiddenReference(xml: string): string | null {
  for (const m of xml.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const code = m[1]!.startsWith('x') ? parseInt(m[1]!.slice(1), 16) : parseInt(m[1]!, 10);
    const ok =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!ok) return m[0];
  }
  return null;
}

export interface DocxPackage {
  /** Every part by its path, as text for XML parts. */
  xml: Map<string, string>;
  /** Every part's path, binary ones included. */
  paths: string[];
  /** The parsed XML parts. */
  parsed: Map<string, Document>;
  document: Document;
}

/** Unzips and strictly parses every XML part; throws on the first problem. */
export function openDocx(bytes: Uint8Array): DocxPackage {
  const files = unzipSync(bytes);
  const xml = new Map<string, string>();
  const parsed = new Map<string, Document>();
  for (const [path, data] of Object.entries(files)) {
    if (!/\.(xml|rels)$/.test(path)) continue;
    const text = strFromU8(data);
    const raw = FORBIDDEN_RAW.exec(text);
    if (raw) throw new Error(`${path} holds U+${raw[0].codePointAt(0)!.toString(16)}`);
    const ref = forbiddenReference(text);
    if (ref) throw new Error(`${path} holds the reference ${ref}`);
    const parser = new DOMParser({
      onError: (level, message) => {
        throw new Error(`${path}: ${level}: ${message}`);
      },
    });
    xml.set(path, text);
    parsed.set(path, parser.parseFromString(text, 'text/xml'));
  }
  const document = parsed.get('word/document.xml');
  if (!document) throw new Error('no word/document.xml');
  return { xml, paths: Object.keys(files), parsed, document };
}

function children(el: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).namespaceURI === W && (n as Element).localName === name)
      out.push(n as Element);
  }
  return out;
}

function all(root: Document | Element, name: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(W, name));
}

/** An on/off property: absent → null; present → true unless w:val says 0/false/off. */
function onOff(parent: Element | undefined, name: string): boolean | null {
  const el = parent ? children(parent, name)[0] : undefined;
  if (!el) return null;
  const val = el.getAttributeNS(W, 'val') || el.getAttribute('w:val');
  return !(val === '0' || val === 'false' || val === 'off');
}

export interface RunInfo {
  text: string;
  rtl: boolean;
  fonts: { ascii: string | null; cs: string | null };
  lang: { val: string | null; bidi: string | null };
  sizeCs: string | null;
  boldCs: boolean;
  bold: boolean;
}

export interface ParagraphInfo {
  text: string;
  bidi: boolean | null;
  /** The raw w:jc value (docx writes right alignment in a bidi paragraph as "left"). */
  jc: string | null;
  runs: RunInfo[];
}

function runInfo(r: Element): RunInfo {
  const rPr = children(r, 'rPr')[0];
  const fonts = rPr ? children(rPr, 'rFonts')[0] : undefined;
  const lang = rPr ? children(rPr, 'lang')[0] : undefined;
  const szCs = rPr ? children(rPr, 'szCs')[0] : undefined;
  return {
    text: all(r, 't')
      .map((t) => t.textContent ?? '')
      .join(''),
    rtl: onOff(rPr, 'rtl') === true,
    fonts: { ascii: fonts?.getAttribute('w:ascii') ?? null, cs: fonts?.getAttribute('w:cs') ?? null },
    lang: { val: lang?.getAttribute('w:val') ?? null, bidi: lang?.getAttribute('w:bidi') ?? null },
    sizeCs: szCs?.getAttribute('w:val') ?? null,
    boldCs: onOff(rPr, 'bCs') === true,
    bold: onOff(rPr, 'b') === true,
  };
}

/** Every paragraph of a part, in order, with its runs (those inside hyperlinks and bookmarks too). */
export function paragraphsIn(doc: Document): ParagraphInfo[] {
  return all(doc, 'p').map((p) => {
    const pPr = children(p, 'pPr')[0];
    const jc = pPr ? children(pPr, 'jc')[0] : undefined;
    const runs = all(p, 'r').map(runInfo);
    return {
      text: runs.map((r) => r.text).join(''),
      bidi: onOff(pPr, 'bidi'),
      jc: jc?.getAttribute('w:val') ?? null,
      runs,
    };
  });
}

/** The tables of a part, each with whether it is laid out right to left. */
export function tablesIn(doc: Document): { bidiVisual: boolean; text: string }[] {
  return all(doc, 'tbl').map((tbl) => ({
    bidiVisual: onOff(children(tbl, 'tblPr')[0], 'bidiVisual') === true,
    text: all(tbl, 't')
      .map((t) => t.textContent ?? '')
      .join(''),
  }));
}

/** The headers and footers, parsed. */
export function headerFooterParts(pkg: DocxPackage): Document[] {
  return [...pkg.parsed.entries()]
    .filter(([path]) => /^word\/(header|footer)\d+\.xml$/.test(path))
    .map(([, d]) => d);
}

/** The body's text, paragraph by paragraph, one line each. */
export function bodyText(pkg: DocxPackage): string {
  return paragraphsIn(pkg.document)
    .map((p) => p.text)
    .join('\n');
}

/** Fails with the first text missing or out of order. */
export function expectInOrder(text: string, expected: readonly string[]): void {
  let from = 0;
  for (const piece of expected) {
    const at = text.indexOf(piece, from);
    if (at < 0) {
      const anywhere = text.indexOf(piece);
      throw new Error(
        anywhere < 0
          ? `missing: ${piece}`
          : `out of order: ${piece} (found before ${text.slice(from, from + 40)})`,
      );
    }
    from = at + piece.length;
  }
}

const PERSIAN_LETTER = /[\u0600-\u06ef\u06fa-\u06ff\ufb50-\ufdff\ufe70-\ufefc]/;
export const hasPersian = (s: string) => PERSIAN_LETTER.test(s);

/** Field instructions a document may carry: page numbers and references to its own bookmarks. */
const ALLOWED_FIELD = /^\s*(PAGE|NUMPAGES|PAGEREF _Toc[A-Za-z]+ \\h)\s*$/;

/** Everything a document must never carry; empty when it is clean. */
export function dangers(pkg: DocxPackage): string[] {
  const out: string[] = [];
  for (const path of pkg.paths) {
    if (/vbaProject|activeX|embeddings|oleObject/i.test(path)) out.push(`part ${path}`);
  }
  for (const [path, text] of pkg.xml) {
    if (/TargetMode="External"/.test(text)) out.push(`${path}: external target`);
    if (/vbaProject|oleObject|altChunk|w:object\b|w:fldSimple|w:control\b|attachedTemplate/i.test(text)) {
      out.push(
        `${path}: ${/vbaProject|oleObject|altChunk|w:object\b|w:fldSimple|w:control\b|attachedTemplate/i.exec(text)![0]}`,
      );
    }
  }
  for (const [path, doc] of pkg.parsed) {
    for (const instr of all(doc, 'instrText')) {
      const value = instr.textContent ?? '';
      if (!ALLOWED_FIELD.test(value)) out.push(`${path}: field ${value}`);
    }
  }
  return out;
}
