/**
 * The first run: a desk that was never set up shows the welcome screen, which registers the
 * person at this workstation, names the office's own city and starts the desk — with the
 * sample office or empty. (Restoring a backup instead goes through backup.restore.)
 */
import { z } from 'zod';
import { method } from './define';
import { countryCode, latitude, longitude, partner } from './partners.contract';
import { LIMITS, empty, isoTimestamp, optionalText, requiredText } from './schema';
import { CALENDARS, LOCALES, user } from './system.contract';

/** How a new desk starts: with the sample office to look around in, or with no records. */
export const SETUP_STARTS = ['sample', 'empty'] as const;
export type SetupStart = (typeof SETUP_STARTS)[number];

/** The office's own city, picked from the offline list or typed. */
export const setupCity = z
  .strictObject({
    nameFa: requiredText(LIMITS.name),
    nameEn: optionalText(LIMITS.name),
    country: countryCode.nullable().optional(),
    latitude: latitude.nullable().optional(),
    longitude: longitude.nullable().optional(),
  })
  .refine(
    (c) =>
      (c.latitude === null || c.latitude === undefined) ===
      (c.longitude === null || c.longitude === undefined),
    {
      message: 'latitude and longitude come together',
      path: ['latitude'],
    },
  );
export type SetupCity = z.input<typeof setupCity>;

export const setupCompleteInput = z.strictObject({
  locale: z.enum(LOCALES),
  calendar: z.enum(CALENDARS),
  /** The name of the person at this workstation, as colleagues and letters show it. */
  nameFa: requiredText(LIMITS.name),
  nameEn: optionalText(LIMITS.name),
  city: setupCity,
  start: z.enum(SETUP_STARTS),
});
export type SetupCompleteInput = z.input<typeof setupCompleteInput>;

export const setupStatus = z.object({
  /** False only for a desk that holds nothing and was never set up: the welcome screen shows. */
  completed: z.boolean(),
  /** When the welcome screen was finished; null for a desk that never went through it. */
  completedAt: isoTimestamp.nullable(),
  /** The workstation login the person will be registered under. */
  actor: z.string(),
});

export const setupContract = {
  'setup.status': method({
    kind: 'query',
    input: empty,
    output: setupStatus,
    doc: 'Whether this desk was set up: finished the welcome screen, or already holds staff or records.',
  }),
  'setup.complete': method({
    kind: 'task',
    input: setupCompleteInput,
    output: z.object({
      user,
      ownCity: partner,
      /** Whether the sample office went in (start `sample`); null when starting empty. */
      sampleLoaded: z.boolean().nullable(),
      completedAt: isoTimestamp,
    }),
    doc: 'Registers this workstation’s user with their language and calendar, names the office’s own city, optionally loads the sample office, and marks the desk set up; refused once done.',
  }),
} as const;
