/**
 * System, settings, users and audit: the methods every other domain stands on.
 */
import { z } from 'zod';
import { method } from './define';
import { LIMITS, empty, id, isoTimestamp, page, paging, requiredText, text } from './schema';
import { settingEntry, settingsObject } from './settings.schema';

export const LOCALES = ['fa', 'en'] as const;
export const CALENDARS = ['jalali', 'gregorian'] as const;
export const USER_ROLES = ['staff', 'manager', 'admin'] as const;

export const user = z.object({
  id,
  username: z.string(),
  nameFa: z.string(),
  nameEn: z.string().nullable(),
  position: z.string().nullable(),
  role: z.enum(USER_ROLES),
  locale: z.enum(LOCALES),
  calendar: z.enum(CALENDARS),
  active: z.boolean(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type User = z.infer<typeof user>;

const username = text(64)
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, { message: 'required' })
      // Windows logins may hold spaces ("Maryam Ahmadi") and a domain ("CITY\\m.ahmadi").
      .regex(/^[\p{L}\p{N}._@\\ -]+$/u, { message: 'letters, digits, spaces and . _ - @ \\ only' }),
  );

export const userFields = {
  nameFa: requiredText(LIMITS.name),
  nameEn: text(LIMITS.name).nullable().optional(),
  position: text(LIMITS.name).nullable().optional(),
  role: z.enum(USER_ROLES).optional(),
  locale: z.enum(LOCALES).optional(),
  calendar: z.enum(CALENDARS).optional(),
};

export const auditEntry = z.object({
  seq: z.number().int(),
  tsUtc: isoTimestamp,
  actor: z.string(),
  workstation: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const systemInfo = z.object({
  appName: z.string(),
  appVersion: z.string(),
  schemaVersion: z.string(),
  sqliteVersion: z.string(),
  dataDir: z.string(),
  databaseFile: z.string(),
  actor: z.string(),
  workstation: z.string(),
  currentUser: user.nullable(),
  now: isoTimestamp,
  /**
   * The page-by-page check of the desk file: done before opening (a small desk, or one that
   * did not close cleanly), or in the background after a large desk opened (then `checking`,
   * `passed` or `damaged`; `stopped` if it was cut short).
   */
  integrity: z.object({
    state: z.enum(['checked_at_open', 'checking', 'passed', 'damaged', 'stopped']),
    checkedAt: isoTimestamp.nullable(),
    problem: z.string().nullable(),
  }),
});

/**
 * Opening a desk whose structure must be updated first: `backup` copies the desk (bytes),
 * `check` proves the copy (bytes read back, then the page check), `migrate` runs update
 * `step` of `steps` (with its own rows when it reports them), `failed` when the update
 * stopped and the desk was left as it was (`problem` says why).
 */
export const upgradeProgress = z.object({
  phase: z.enum(['backup', 'check', 'migrate', 'failed']),
  /** Within the phase: bytes copied or checked, attachment files copied, or the current update's own rows. */
  done: z.number(),
  total: z.number(),
  /** What `done` and `total` count (`none` for an update that reports no rows of its own). */
  unit: z.enum(['bytes', 'files', 'rows', 'none']),
  /** The update running (1-based) and how many there are; 0 before the first. */
  step: z.number().int(),
  steps: z.number().int(),
  /** The whole opening so far, from 0 to 1. */
  fraction: z.number().min(0).max(1),
  problem: z.string().nullable(),
});
export type UpgradeProgress = z.infer<typeof upgradeProgress>;

export const upgradeStatus = z.object({
  /** True while the desk is being backed up and updated before it opens (or when that failed). */
  upgrading: z.boolean(),
  progress: upgradeProgress.nullable(),
});
export type UpgradeStatus = z.infer<typeof upgradeStatus>;

export const systemContract = {
  'system.upgrade': method({
    kind: 'query',
    input: empty,
    output: upgradeStatus,
    doc: 'Whether the desk is still being updated before it opens, and how far. An open desk answers upgrading: false.',
  }),
  'system.info': method({
    kind: 'query',
    input: empty,
    output: systemInfo,
    doc: 'Versions, data folder, the signed-in workstation user and the current time.',
  }),
  'settings.get': method({
    kind: 'query',
    input: empty,
    output: settingsObject,
    doc: 'Every office setting, with defaults for those never set.',
  }),
  'settings.set': method({
    kind: 'mutation',
    input: settingEntry,
    output: settingsObject,
    doc: 'Changes one setting; the value is validated against that setting’s own schema.',
  }),
  'users.list': method({
    kind: 'query',
    input: z.strictObject({ includeInactive: z.boolean().default(false) }),
    output: z.array(user),
    doc: 'The staff who use this desk.',
  }),
  'users.create': method({
    kind: 'mutation',
    input: z.strictObject({ username, ...userFields }),
    output: user,
    doc: 'Adds a staff member; the username is their workstation login.',
  }),
  'users.update': method({
    kind: 'mutation',
    input: z.strictObject({
      id,
      ...userFields,
      nameFa: userFields.nameFa.optional(),
      active: z.boolean().optional(),
    }),
    output: user,
    doc: 'Changes a staff member’s names, position, role, language, calendar or active flag.',
  }),
  'users.me': method({
    kind: 'query',
    input: empty,
    output: user.nullable(),
    doc: 'The staff member signed in on this workstation, if registered.',
  }),
  'audit.list': method({
    kind: 'query',
    input: z.strictObject({
      entity: text(64).optional(),
      entityId: id.optional(),
      ...paging,
    }),
    output: page(auditEntry),
    doc: 'The audit trail, newest first, optionally for one kind of record or one record.',
  }),
  'audit.verify': method({
    kind: 'query',
    input: empty,
    output: z.object({
      ok: z.boolean(),
      checked: z.number().int(),
      headSeq: z.number().int().nullable(),
      headHash: z.string().nullable(),
      firstBadSeq: z.number().int().nullable(),
      problem: z.string().nullable(),
    }),
    doc: 'Walks the hash chain of the audit trail and names the first row that does not verify.',
  }),
} as const;
