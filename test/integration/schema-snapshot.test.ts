/**
 * The committed structure that opening a desk compares with is exactly what the migrations
 * make. When this fails after adding a migration: `node --import tsx scripts/schema-snapshot.ts`.
 */
import { describe, expect, it } from 'vitest';
import { buildReferenceSchema } from '../../electron/main/core/db/file-check';
import { migrations } from '../../electron/main/core/db/migrations';
import { schemaSnapshot } from '../../electron/main/core/db/schema-snapshot';

describe('the committed desk structure', () => {
  it('is what its migrations make, object by object', async () => {
    expect(await buildReferenceSchema(schemaSnapshot.migrations)).toEqual(schemaSnapshot.objects);
  });

  it('covers every migration (regenerate it with scripts/schema-snapshot.ts)', () => {
    expect(schemaSnapshot.migrations).toEqual(Object.keys(migrations).sort());
  });
});
