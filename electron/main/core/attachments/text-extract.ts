/**
 * The searchable text of a stored file, taken once when it is stored: plain text and e-mail
 * as they are, Word and OpenDocument text from their document XML. Bounded, so that a huge
 * file never makes a huge index row.
 */
import type { AttachmentKind } from '../../../../shared/api/attachments.contract';
import { cleanDisplayText } from '../../../../shared/text/persian';
import type { ByteSource } from './byte-source';
import { ZipFormatError, readZipDirectory, readZipEntry } from './zip-reader';

/** At most this many characters of a file's text reach the search index. */
export const MAX_EXTRACTED_CHARS = 200_000;
/** Document XML read at most (its markup is several times the size of its text). */
const MAX_XML_BYTES = 8 * 1024 * 1024;

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return XML_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Text of a WordprocessingML body: runs joined, tabs and breaks kept, one line per paragraph. */
export function wordXmlText(xml: string): string {
  return decodeEntities(
    xml
      .replace(/<w:tab\/>/g, '\t')
      .replace(/<w:(br|cr)\b[^>]*\/>/g, '\n')
      .replace(/<\/w:p>/g, '\n')
      .replace(/<w:instrText\b[^>]*>[\s\S]*?<\/w:instrText>/g, '')
      .replace(/<[^>]+>/g, ''),
  );
}

/** Text of an OpenDocument body: paragraphs and headings on their own lines. */
export function odfXmlText(xml: string): string {
  return decodeEntities(
    xml
      .replace(/<text:tab\/>/g, '\t')
      .replace(/<text:line-break\/>/g, '\n')
      .replace(/<text:s\/>/g, ' ')
      .replace(/<\/text:(p|h)>/g, '\n')
      .replace(/<[^>]+>/g, ''),
  );
}

function bounded(text: string): string | null {
  const tidy = cleanDisplayText(text)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (tidy === '') return null;
  // Never cut a surrogate pair in half.
  let cut = Math.min(tidy.length, MAX_EXTRACTED_CHARS);
  if (cut < tidy.length && /[\ud800-\udbff]/.test(tidy[cut - 1] ?? '')) cut -= 1;
  return tidy.slice(0, cut);
}

async function xmlEntryText(src: ByteSource, name: string): Promise<string | null> {
  const entries = await readZipDirectory(src);
  const entry = entries.find((e) => e.name === name);
  if (!entry) return null;
  const bytes = await readZipEntry(src, entry, { maxBytes: MAX_XML_BYTES, truncate: true });
  return new TextDecoder().decode(bytes);
}

/** The searchable text of a stored file of this kind, or null when it has none. */
export async function extractText(kind: AttachmentKind, src: ByteSource): Promise<string | null> {
  try {
    switch (kind) {
      case 'text':
      case 'eml': {
        // Four bytes per character at most in UTF-8; a little more for the BOM.
        const head = await src.read(0, MAX_EXTRACTED_CHARS * 4 + 4);
        let encoding = 'utf-8';
        if (head[0] === 0xff && head[1] === 0xfe) encoding = 'utf-16le';
        else if (head[0] === 0xfe && head[1] === 0xff) encoding = 'utf-16be';
        return bounded(new TextDecoder(encoding).decode(head, { stream: true }));
      }
      case 'docx': {
        const xml = await xmlEntryText(src, 'word/document.xml');
        return xml === null ? null : bounded(wordXmlText(xml));
      }
      case 'odt': {
        const xml = await xmlEntryText(src, 'content.xml');
        return xml === null ? null : bounded(odfXmlText(xml));
      }
      default:
        return null;
    }
  } catch (error) {
    // A document whose text cannot be read is still a valid attachment; it is found by name.
    if (error instanceof ZipFormatError) return null;
    throw error;
  }
}
