/**
 * The office-wide settings, each with its schema and default. `settings.set` accepts only
 * these keys and validates the value with the key's own schema.
 */
import { z } from 'zod';
import { text } from './schema';

export const SETTINGS = {
  /** The office's name as printed on letters and reports. */
  'office.nameFa': text(300).default('اداره کل ارتباطات و امور بین‌الملل شهرداری'),
  'office.nameEn': text(300).default('Directorate-General of Communications and International Affairs'),
  /** Register-number pattern; {seq}, {year} and {secretariat} are replaced. */
  'letters.numberPattern': text(100)
    .refine((s) => s.includes('{seq}'), { message: 'pattern must contain {seq}' })
    .default('{seq}/{year}/ر ب'),
  'letters.secretariat': text(50).default('main'),
  'letters.classifications': z
    .array(text(60).min(1))
    .min(1)
    .max(20)
    .default(['عادی', 'محرمانه', 'خیلی محرمانه', 'سری', 'به‌کلی سری']),
  'letters.urgencies': z.array(text(60).min(1)).min(1).max(20).default(['عادی', 'فوری', 'خیلی فوری', 'آنی']),
  'relationships.dormantMonths': z.number().int().min(1).max(120).default(12),
  'attachments.maxBytes': z
    .number()
    .int()
    .min(1024)
    .max(2 * 1024 * 1024 * 1024)
    .default(100 * 1024 * 1024),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type Settings = { [K in SettingKey]: z.output<(typeof SETTINGS)[K]> };
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export type SettingEntry = { [K in SettingKey]: { key: K; value: Settings[K] } }[SettingKey];

/** Input of settings.set: a key and a value valid for that key. */
export const settingEntry = z.discriminatedUnion(
  'key',
  SETTING_KEYS.map((key) =>
    z.strictObject({ key: z.literal(key), value: (SETTINGS[key] as z.ZodDefault<z.ZodType>).unwrap() }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<SettingEntry>;

export const settingsObject = z.object(
  Object.fromEntries(SETTING_KEYS.map((k) => [k, (SETTINGS[k] as z.ZodDefault<z.ZodType>).unwrap()])) as {
    [K in SettingKey]: z.ZodType<Settings[K]>;
  },
);
