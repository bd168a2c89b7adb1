/**
 * The fonts documents are written in. Vazirmatn (SIL Open Font License, which allows
 * embedding) covers Persian and Latin; its regular and bold faces are embedded in every
 * document, so a workstation without the font prints the same pages. Scripts Vazirmatn has
 * no glyphs for (Cyrillic, Greek, Chinese, Japanese, Korean) are given fonts Windows has.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

export const DOCUMENT_FONT = 'Vazirmatn';

export interface EmbeddedFont {
  name: string;
  data: Buffer;
  bold: Buffer;
}

const require = createRequire(import.meta.url);

/** The folder of the Vazirmatn TTF files in the installed package. */
export function vazirmatnDir(): string {
  return dirname(require.resolve('vazirmatn/fonts/ttf/Vazirmatn-Regular.ttf'));
}

let cached: EmbeddedFont | null = null;

/** The regular and bold faces, read once. */
export function embeddedFont(): EmbeddedFont {
  if (!cached) {
    const dir = vazirmatnDir();
    cached = {
      name: DOCUMENT_FONT,
      data: readFileSync(`${dir}/Vazirmatn-Regular.ttf`),
      bold: readFileSync(`${dir}/Vazirmatn-Bold.ttf`),
    };
  }
  return cached;
}

export interface RunFonts {
  ascii: string;
  hAnsi: string;
  cs: string;
  eastAsia: string;
}

const VAZIRMATN: RunFonts = {
  ascii: DOCUMENT_FONT,
  hAnsi: DOCUMENT_FONT,
  cs: DOCUMENT_FONT,
  eastAsia: DOCUMENT_FONT,
};

/** Cyrillic and Greek are not in Vazirmatn: Arial has them on every Windows workstation. */
const WESTERN_NON_LATIN: RunFonts = { ascii: 'Arial', hAnsi: 'Arial', cs: DOCUMENT_FONT, eastAsia: 'Arial' };

const EAST_ASIAN: Record<string, string> = {
  zh: 'Microsoft YaHei',
  ja: 'Yu Gothic',
  ko: 'Malgun Gothic',
};

const CYRILLIC_OR_GREEK = /[\u0370-\u03ff\u0400-\u052f\u1f00-\u1fff]/;

/** The fonts of a run of text in a language (an ISO 639-1 code) or, when it tells, its script. */
export function fontsFor(language: string, text = ''): RunFonts {
  const eastAsian = EAST_ASIAN[language];
  if (eastAsian)
    return { ascii: DOCUMENT_FONT, hAnsi: DOCUMENT_FONT, cs: DOCUMENT_FONT, eastAsia: eastAsian };
  if (CYRILLIC_OR_GREEK.test(text)) return WESTERN_NON_LATIN;
  return VAZIRMATN;
}
