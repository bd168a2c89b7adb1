/**
 * What every document builder is given: the reader over one read-only transaction, the
 * document's language, the office settings and today's date.
 */
import type { Settings } from '../../../../shared/api/settings.schema';
import { todayIso } from '../../../../shared/dates/jalali';
import { EN, FA, type Lang } from './docx-rtl';
import type { DocLanguage } from './labels';
import type { Reader } from './reader';

export interface DocContext {
  reader: Reader;
  language: DocLanguage;
  lang: Lang;
  settings: Settings;
  /** The office's name in the document's language. */
  office: string;
  /** Today on the desk's clock, `YYYY-MM-DD`. */
  today: string;
}

export async function docContext(reader: Reader, language: DocLanguage): Promise<DocContext> {
  const settings = await reader.query('settings.get', {});
  return {
    reader,
    language,
    lang: language === 'fa' ? FA : EN,
    settings,
    office: language === 'fa' ? settings['office.nameFa'] : settings['office.nameEn'],
    today: todayIso(reader.now),
  };
}
