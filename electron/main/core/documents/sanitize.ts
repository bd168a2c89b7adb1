/**
 * The one gate between stored text and a Word document. Records may hold whatever an
 * import or an older version let through, so every text is cleaned here before docx sees
 * it: characters XML 1.0 forbids would make Word refuse the file, and bidi overrides would
 * let a name read backwards on a signed page.
 */

/** C0 controls except tab, newline and carriage return; DEL and the C1 controls. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Embeddings, overrides and isolates (U+202A–202E, U+2066–2069): they reorder what follows. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** A surrogate without its partner: not a character at all, and forbidden in XML. */
const LONE_SURROGATE = /\p{Cs}/gu;

/**
 * Noncharacters: U+FDD0–U+FDEF and the last two code points of every plane (U+FFFE and
 * U+FFFF, then U+1FFFE, U+1FFFF … U+10FFFF, written as their surrogate pairs).
 */
const NONCHARACTERS =
  /[\ufdd0-\ufdef\ufffe\uffff]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]/g;

/**
 * Text safe to put in a document: forbidden and control characters removed, bidi
 * overrides and isolates removed (the marks LRM, RLM and ALM stay, as do ZWNJ and ZWJ,
 * which Persian spelling needs), line ends made `\n`, tabs made spaces.
 */
export function sanitizeText(value: string): string {
  return value
    .replace(LONE_SURROGATE, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROLS, '')
    .replace(BIDI_CONTROLS, '')
    .replace(NONCHARACTERS, '');
}

/** One line: sanitised, line breaks folded to spaces, runs of spaces collapsed, trimmed. */
export function sanitizeLine(value: string): string {
  return sanitizeText(value).replace(/\s+/g, ' ').trim();
}

/** The paragraphs of a multi-line text: sanitised, split at blank-or-not line breaks, empty lines dropped. */
export function sanitizeParagraphs(value: string): string[] {
  return sanitizeText(value)
    .split('\n')
    .map((line) => line.replace(/[ \u00a0]+/g, ' ').trim())
    .filter((line) => line !== '');
}

/** Characters Windows refuses in a file name, and the path separators of every system. */
// eslint-disable-next-line no-control-regex
const FILE_NAME_FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

/**
 * A file name for the save dialog: sanitised, without path separators or characters
 * Windows refuses, not a reserved device name, at most `max` characters before `.docx`.
 */
export function safeFileName(base: string, fallback: string, max = 100): string {
  let name = sanitizeLine(base).replace(FILE_NAME_FORBIDDEN, '-').replace(/-{2,}/g, '-');
  name = Array.from(name).slice(0, max).join('');
  name = name.replace(/\.docx$/i, '').replace(/^[\s.-]+|[\s.-]+$/g, '');
  if (name === '' || WINDOWS_RESERVED.test(name)) name = fallback;
  return `${name}.docx`;
}
