/**
 * Sample data: Isfahan's real sister cities, the New Julfa–Issy-les-Moulineaux pact, the
 * Paris cultural week, a forum in Singapore, letters, agreements and approval chains — so a
 * new office can see the program at work before entering its own records.
 */
import { z } from 'zod';
import { method } from './define';

export const sampleContract = {
  'sample.load': method({
    kind: 'task',
    input: z.strictObject({
      /** Load even though the desk already holds records (never twice: loading is idempotent). */
      force: z.boolean().default(false),
    }),
    output: z.object({
      loaded: z.boolean(),
      /** Why nothing was loaded, when it was not. */
      reason: z.enum(['already_loaded', 'not_empty']).nullable(),
      counts: z.record(z.string(), z.number().int()),
    }),
    doc: 'Loads the sample office; refused on a desk with records unless forced, and never loaded twice.',
  }),
} as const;
