import { defineHandlers } from '../registrar';
import { readSettings, writeSetting } from './settings.repository';

export const settingsHandlers = defineHandlers({
  'settings.get': async (ctx) => readSettings(ctx.tx),

  'settings.set': async (ctx, input) => {
    const before = await readSettings(ctx.tx);
    await writeSetting(ctx.tx, input.key, input.value, ctx.nowIso);
    const after = await readSettings(ctx.tx);
    return {
      value: after,
      audit: {
        entity: 'setting',
        entityId: null,
        before: { [input.key]: before[input.key] },
        after: { [input.key]: after[input.key] },
      },
    };
  },
});
