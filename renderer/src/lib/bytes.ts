/** File sizes for people: 820 bytes, 14 KB, 2.3 MB, in the user's digits. */
import type { I18n } from '../i18n/locale';

export function formatBytes(size: number, i18n: Pick<I18n, 't'>): string {
  if (size < 1024) return i18n.t('unit.bytes', { n: size });
  if (size < 1024 * 1024) return i18n.t('unit.kb', { n: Math.round(size / 1024) });
  return i18n.t('unit.mb', { n: Math.round((size / (1024 * 1024)) * 10) / 10 });
}
