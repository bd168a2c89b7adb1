import { conflict } from '../errors';
import { newId } from '../ids';
import { defineHandlers } from '../registrar';
import { insertContact, listContacts, updateContact } from './contacts.repository';
import {
  applyUpdate,
  checkContact,
  draftColumns,
  draftFromContact,
  draftFromInput,
  loadContact,
  loadContacts,
} from './contacts.service';

export const contactsHandlers = defineHandlers({
  'contacts.create': async (ctx, input) => {
    const draft = draftFromInput(input);
    await checkContact(ctx.tx, draft);
    const id = newId();
    await insertContact(ctx.tx, {
      id,
      ...draftColumns(draft),
      archived: 0,
      created_at: ctx.nowIso,
      updated_at: ctx.nowIso,
    });
    ctx.touch('contact', id);
    const after = await loadContact(ctx.tx, id);
    return { value: after, audit: { entity: 'contact', entityId: id, before: null, after } };
  },

  'contacts.update': async (ctx, input) => {
    const before = await loadContact(ctx.tx, input.id);
    const draft = applyUpdate(draftFromContact(before), input);
    await checkContact(ctx.tx, draft);
    await updateContact(ctx.tx, input.id, { ...draftColumns(draft), updated_at: ctx.nowIso });
    ctx.touch('contact', input.id);
    const after = await loadContact(ctx.tx, input.id);
    return { value: after, audit: { entity: 'contact', entityId: input.id, before, after } };
  },

  'contacts.get': async (ctx, input) => loadContact(ctx.tx, input.id),

  'contacts.list': async (ctx, input) => {
    const { rows, total } = await listContacts(ctx.tx, input);
    return { items: await loadContacts(ctx.tx, rows), total };
  },

  'contacts.archive': async (ctx, input) => {
    const before = await loadContact(ctx.tx, input.id);
    if (before.archived) throw conflict('This contact is already archived.');
    await updateContact(ctx.tx, input.id, { archived: 1, updated_at: ctx.nowIso });
    ctx.touch('contact', input.id);
    const after = await loadContact(ctx.tx, input.id);
    return { value: after, audit: { entity: 'contact', entityId: input.id, before, after } };
  },

  'contacts.restore': async (ctx, input) => {
    const before = await loadContact(ctx.tx, input.id);
    if (!before.archived) throw conflict('This contact is not archived.');
    await updateContact(ctx.tx, input.id, { archived: 0, updated_at: ctx.nowIso });
    ctx.touch('contact', input.id);
    const after = await loadContact(ctx.tx, input.id);
    return { value: after, audit: { entity: 'contact', entityId: input.id, before, after } };
  },
});
