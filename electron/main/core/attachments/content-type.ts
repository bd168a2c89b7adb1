/**
 * Decides what a file is from its bytes, never from its name. Only the kinds the office
 * exchanges are accepted (PDF, images, Word/Excel/OpenDocument, plain text, e-mail);
 * executables, scripts, macro-enabled Office files and web pages are refused, because a
 * stored attachment is later opened with a double click on a government workstation.
 */
import type { AttachmentKind } from '../../../../shared/api/attachments.contract';
import type { ByteSource } from './byte-source';
import { CFB_SIGNATURE, CfbFormatError, listCfbNames, looksLikeOutlookMessage } from './cfb-reader';
import { ZipFormatError, readZipDirectory, readZipEntry, type ZipEntry } from './zip-reader';

export interface FileType {
  contentType: string;
  /** The extension a copy gets when it is opened (the OS picks the program by it). */
  extension: string;
  /** Extensions that name this type, for the file dialog and for tidy opened names. */
  extensions: readonly string[];
}

export const FILE_TYPES: Record<AttachmentKind, FileType> = {
  pdf: { contentType: 'application/pdf', extension: 'pdf', extensions: ['pdf'] },
  png: { contentType: 'image/png', extension: 'png', extensions: ['png'] },
  jpeg: { contentType: 'image/jpeg', extension: 'jpg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'] },
  tiff: { contentType: 'image/tiff', extension: 'tif', extensions: ['tif', 'tiff'] },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    extensions: ['docx'],
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    extensions: ['xlsx'],
  },
  odt: { contentType: 'application/vnd.oasis.opendocument.text', extension: 'odt', extensions: ['odt'] },
  text: { contentType: 'text/plain', extension: 'txt', extensions: ['txt', 'text', 'csv', 'md', 'log'] },
  eml: { contentType: 'message/rfc822', extension: 'eml', extensions: ['eml'] },
  msg: { contentType: 'application/vnd.ms-outlook', extension: 'msg', extensions: ['msg'] },
};

const KIND_BY_CONTENT_TYPE = new Map(
  Object.entries(FILE_TYPES).map(([kind, t]) => [t.contentType, kind as AttachmentKind]),
);

/** The kind of a stored content type (the database keeps the MIME type). */
export function kindOfContentType(contentType: string): AttachmentKind | null {
  return KIND_BY_CONTENT_TYPE.get(contentType) ?? null;
}

/**
 * Names that Windows runs, or hands to a scripting host or a browser, when opened. Content
 * decides what a file is; a name like these is refused as well, so that no staff member is
 * ever shown an attachment called "report.pdf.exe".
 */
const DANGEROUS_EXTENSIONS = new Set([
  'exe', 'dll', 'com', 'scr', 'pif', 'cpl', 'msi', 'msp', 'mst', 'msc', 'msix', 'appx', 'appxbundle',
  'bat', 'cmd', 'ps1', 'psm1', 'psd1', 'vb', 'vbs', 'vbe', 'js', 'jse', 'mjs', 'wsf', 'wsh', 'wsc',
  'hta', 'lnk', 'url', 'scf', 'reg', 'inf', 'jar', 'sh', 'py', 'pyw', 'pl', 'rb', 'php', 'application',
  'gadget', 'chm', 'iso', 'img', 'vhd', 'vhdx', 'html', 'htm', 'xhtml', 'shtml', 'mht', 'mhtml', 'svg',
  'svgz', 'xsl', 'xslt', 'docm', 'dotm', 'xlsm', 'xltm', 'xlam', 'xlsb', 'pptm', 'potm', 'ppsm', 'ppam',
  'sldm', 'settingcontent-ms',
]); // prettier-ignore

export type Sniffed =
  | {
      ok: true;
      kind: AttachmentKind;
      /** For text kinds: how the whole file must decode; checked while the file is copied. */
      text: TextCheck | null;
    }
  | { ok: false; reason: string };

/** How a text file is checked to the end: UTF-8, UTF-16 with its byte order mark, or only "no NUL". */
export type TextCheck = 'utf-8' | 'utf-16le' | 'utf-16be' | 'no-nul';

const HEAD_BYTES = 64 * 1024;

const refuse = (reason: string): Sniffed => ({ ok: false, reason });
const accept = (kind: AttachmentKind, text: TextCheck | null = null): Sniffed => ({ ok: true, kind, text });

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The lower-cased extension of a file name (after the last dot), or ''. */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0
    ? base
        .slice(dot + 1)
        .toLowerCase()
        .trim()
    : '';
}

/** Decides what the file is; `name` is only used to refuse dangerous names, never to accept. */
export async function sniffFile(src: ByteSource, name: string): Promise<Sniffed> {
  if (src.size === 0) return refuse('The file is empty.');
  if (DANGEROUS_EXTENSIONS.has(extensionOf(name))) {
    return refuse('Programs, scripts, web pages and macro-enabled documents cannot be attached.');
  }
  const head = await src.read(0, HEAD_BYTES);

  if (startsWith(head, ascii('%PDF-'))) return accept('pdf');
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return accept('png');
  if (startsWith(head, [0xff, 0xd8, 0xff])) return accept('jpeg');
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) {
    return accept('tiff');
  }
  if (isExecutable(head)) return refuse('Programs cannot be attached.');
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    return sniffZip(src);
  }
  if (startsWith(head, CFB_SIGNATURE)) return sniffCompoundFile(src);
  return sniffText(head, src.size);
}

function isExecutable(head: Uint8Array): boolean {
  return (
    startsWith(head, ascii('MZ')) || // Windows PE and DOS programs
    startsWith(head, [0x7f, 0x45, 0x4c, 0x46]) || // ELF
    startsWith(head, [0xfe, 0xed, 0xfa, 0xce]) || // Mach-O 32
    startsWith(head, [0xfe, 0xed, 0xfa, 0xcf]) || // Mach-O 64
    startsWith(head, [0xce, 0xfa, 0xed, 0xfe]) ||
    startsWith(head, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(head, [0xca, 0xfe, 0xba, 0xbe]) || // Mach-O universal (and Java classes)
    startsWith(head, ascii('#!')) || // shebang scripts
    startsWith(head, [0xef, 0xbb, 0xbf, 0x23, 0x21]) ||
    startsWith(head, [0x4c, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00]) // Windows shortcut
  );
}

const OOXML_MAIN = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
} as const;

/** Parts that carry code: VBA projects, their data, ActiveX controls. */
function isCodePart(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    /(^|\/)vbaproject\.bin$/.test(lower) ||
    /(^|\/)vbadata\.xml$/.test(lower) ||
    /(^|\/)activex\//.test(lower) ||
    /^(basic|scripts)\/.+/.test(lower)
  );
}

async function sniffZip(src: ByteSource): Promise<Sniffed> {
  let entries: ZipEntry[];
  try {
    entries = await readZipDirectory(src);
  } catch (error) {
    if (error instanceof ZipFormatError) return refuse('The file is a damaged or unknown archive.');
    throw error;
  }
  if (entries.some((e) => isCodePart(e.name))) {
    return refuse('Documents with macros or embedded controls cannot be attached.');
  }
  const read = async (name: string): Promise<string | null> => {
    const entry = entries.find((e) => e.name === name);
    if (!entry) return null;
    try {
      return new TextDecoder().decode(await readZipEntry(src, entry, { maxBytes: 1024 * 1024 }));
    } catch (error) {
      if (error instanceof ZipFormatError) return null;
      throw error;
    }
  };

  const types = await read('[Content_Types].xml');
  if (types !== null) {
    const lower = types.toLowerCase();
    if (
      lower.includes('macroenabled') ||
      lower.includes('vbaproject') ||
      lower.includes('ms-office.activex')
    ) {
      return refuse('Documents with macros cannot be attached.');
    }
    const main = /<Override\b[^>]*\bPartName="([^"]*)"[^>]*\bContentType="([^"]*)"/g;
    const overrides = [...types.matchAll(main)].map((m) => ({ part: m[1]!, type: m[2]! }));
    const alt = /<Override\b[^>]*\bContentType="([^"]*)"[^>]*\bPartName="([^"]*)"/g;
    overrides.push(...[...types.matchAll(alt)].map((m) => ({ part: m[2]!, type: m[1]! })));
    const has = (type: string) => overrides.some((o) => o.type === type);
    if (has(OOXML_MAIN.docx)) return accept('docx');
    if (has(OOXML_MAIN.xlsx)) return accept('xlsx');
    return refuse('Only Word (.docx), Excel (.xlsx) and OpenDocument text (.odt) archives can be attached.');
  }

  const mimetype = await read('mimetype');
  if (mimetype !== null && mimetype.trim() === 'application/vnd.oasis.opendocument.text')
    return accept('odt');
  return refuse('Only Word (.docx), Excel (.xlsx) and OpenDocument text (.odt) archives can be attached.');
}

async function sniffCompoundFile(src: ByteSource): Promise<Sniffed> {
  try {
    if (looksLikeOutlookMessage(await listCfbNames(src))) return accept('msg');
  } catch (error) {
    if (!(error instanceof CfbFormatError)) throw error;
  }
  return refuse('Old Office documents (.doc, .xls) can carry macros: save them as .docx or .xlsx first.');
}

/** Markup that a browser or a scripting host would run rather than show. */
const ACTIVE_MARKUP =
  /<\s*(!doctype\s+html|html|head|body|script|svg|iframe|frame|object|embed|applet|meta|link|style|form|xsl:stylesheet|hta:application|job|package|component)[\s>/]/i;
const XHTML_NS = /xmlns(:\w+)?\s*=\s*["']http:\/\/www\.w3\.org\/(1999\/xhtml|2000\/svg)["']/i;
/** First lines by which batch files and PHP scripts give themselves away. */
const SCRIPT_OPENERS = /^\s*(@echo\s+off|<\?php|#!)/i;

/** An RFC 822 header block: header lines (with folded continuations), then an empty line. */
function looksLikeEmail(text: string): boolean {
  const end = text.search(/\r?\n\r?\n/);
  if (end <= 0) return false;
  const lines = text.slice(0, end).split(/\r?\n/);
  if (!/^[\x21-\x39\x3b-\x7e]+:/.test(lines[0] ?? '')) return false;
  const names = new Set<string>();
  for (const line of lines) {
    if (/^[ \t]/.test(line)) continue;
    const m = /^([\x21-\x39\x3b-\x7e]+):/.exec(line);
    if (!m) return false;
    names.add(m[1]!.toLowerCase());
  }
  const known = ['from', 'to', 'subject', 'date', 'message-id', 'received', 'mime-version', 'return-path'];
  return names.has('from') && known.filter((n) => names.has(n)).length >= 2;
}

function sniffText(head: Uint8Array, size: number): Sniffed {
  let check: TextCheck = 'utf-8';
  let bom = 0;
  if (startsWith(head, [0xef, 0xbb, 0xbf])) bom = 3;
  else if (startsWith(head, [0xff, 0xfe])) [check, bom] = ['utf-16le', 2];
  else if (startsWith(head, [0xfe, 0xff])) [check, bom] = ['utf-16be', 2];
  const body = head.subarray(bom);

  let text: string;
  try {
    // `stream` lets a character cut at the end of the head pass; the copy checks the rest.
    text = new TextDecoder(check, { fatal: true }).decode(body, { stream: size > head.length });
  } catch {
    // Not UTF-8: an e-mail in a legacy 8-bit charset is still accepted when its headers are.
    const latin = new TextDecoder('latin1').decode(head);
    if (check === 'utf-8' && !head.includes(0) && looksLikeEmail(latin)) return accept('eml', 'no-nul');
    return refuse('The file is not a document type the desk accepts.');
  }
  if (text.includes('\u0000')) return refuse('The file is not a document type the desk accepts.');
  if (SCRIPT_OPENERS.test(text)) return refuse('Scripts cannot be attached.');
  if (check === 'utf-8' && looksLikeEmail(text)) return accept('eml', 'no-nul');
  if (ACTIVE_MARKUP.test(text) || XHTML_NS.test(text)) {
    return refuse('Web pages, SVG drawings and scripts cannot be attached.');
  }
  return accept('text', check);
}

/**
 * Checks a text file to its end while it is copied: the whole file must decode as the head
 * promised and hold no NUL. `push` and `end` throw a TextCheckError when it does not.
 */
export class TextCheckError extends Error {
  constructor() {
    super('The file is not valid text.');
    this.name = 'TextCheckError';
  }
}

export function textChecker(check: TextCheck): { push(chunk: Uint8Array): void; end(): void } {
  if (check === 'no-nul') {
    return {
      push(chunk) {
        if (chunk.includes(0)) throw new TextCheckError();
      },
      end() {},
    };
  }
  const decoder = new TextDecoder(check, { fatal: true });
  const decode = (chunk: Uint8Array | undefined, stream: boolean) => {
    let text: string;
    try {
      text = chunk ? decoder.decode(chunk, { stream }) : decoder.decode();
    } catch {
      throw new TextCheckError();
    }
    if (text.includes('\u0000')) throw new TextCheckError();
  };
  return { push: (chunk) => decode(chunk, true), end: () => decode(undefined, false) };
}
