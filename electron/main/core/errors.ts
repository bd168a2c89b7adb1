/**
 * The typed failure that handlers and services throw. Only these, with their code and a
 * plain message, cross the API boundary; everything else becomes INTERNAL.
 */
import type { DeskErrorShape, ErrorCode, ValidationIssue } from '../../../shared/api/errors';

export class DeskError extends Error {
  readonly code: ErrorCode;
  readonly issues: ValidationIssue[] | undefined;

  constructor(code: ErrorCode, message: string, issues?: ValidationIssue[]) {
    super(message);
    this.name = 'DeskError';
    this.code = code;
    this.issues = issues;
  }

  toShape(): DeskErrorShape {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}

/** A backup offered for restoring a desk that cannot be opened. */
export interface RestorableBackup {
  id: string;
  kind: string;
  createdAt: string;
  location: string;
}

/**
 * The desk file cannot be opened (CORRUPT): names the file and carries the verified
 * backups, newest first, that can restore it, so the shell can offer them.
 */
export class DamagedDeskError extends DeskError {
  readonly file: string;
  readonly backups: readonly RestorableBackup[];

  constructor(cause: DeskError, file: string, backups: readonly RestorableBackup[], backupsDir: string) {
    const offer =
      backups.length === 0
        ? ` No verified backup of it was found in ${backupsDir}.`
        : ` Verified backups that can restore it, newest first: ${backups
            .map((b) => `${b.id} (${b.location})`)
            .join(', ')}.`;
    super(cause.code, `${cause.message}${offer}`);
    this.name = 'DamagedDeskError';
    this.file = file;
    this.backups = backups;
  }
}

export const notFound = (what: string, id: string): DeskError =>
  new DeskError('NOT_FOUND', `${what} ${id} does not exist.`);
export const conflict = (message: string): DeskError => new DeskError('CONFLICT', message);
export const invalid = (message: string, path: (string | number)[] = []): DeskError =>
  new DeskError('VALIDATION', message, [{ path, message }]);

interface SqliteLikeError {
  code?: unknown;
  errno?: unknown;
  message?: unknown;
}

/**
 * Maps anything thrown below the boundary to a DeskError. SQLite's codes arrive as
 * `err.code = 'SQLITE_FULL'` etc. from node-sqlite3; the message text never crosses.
 */
export function toDeskError(error: unknown): DeskError {
  if (error instanceof DeskError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as SqliteLikeError;
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || /SQLITE_FULL|database or disk is full/.test(message)) {
    return new DeskError(
      'STORAGE_FULL',
      'The disk is full. Nothing was saved; free some space and try again.',
    );
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || /SQLITE_(CORRUPT|NOTADB)/.test(message)) {
    return new DeskError(
      'CORRUPT',
      'The desk database is damaged. Nothing was saved; restore it from a backup.',
    );
  }
  if (code === 'SQLITE_CONSTRAINT' || /SQLITE_CONSTRAINT/.test(message)) {
    return new DeskError('CONFLICT', 'This change conflicts with existing records.');
  }
  if (code === 'EDQUOT') {
    return new DeskError('STORAGE_FULL', 'The disk quota is exhausted. Nothing was saved.');
  }
  return new DeskError('INTERNAL', 'An unexpected error occurred. Nothing was saved.');
}
