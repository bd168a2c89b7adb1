/**
 * The error vocabulary of the API boundary. Every failure that crosses from core to the
 * renderer is one of these codes with a human-readable message; never a stack or SQL text.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'STORAGE_FULL',
  'CORRUPT',
  'UNSUPPORTED_FILE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem found while validating input: where it is and what is wrong. */
export interface ValidationIssue {
  path: (string | number)[];
  message: string;
}

export interface DeskErrorShape {
  code: ErrorCode;
  message: string;
  issues?: ValidationIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DeskErrorShape };
