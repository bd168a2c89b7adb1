import type { Partner } from '../../../../shared/api/partners.contract';
import { caseIdsOfPartner } from '../cases/cases.repository';
import { contactIdsOfPartner } from '../contacts/contacts.repository';
import { eventRecordsOfPartner } from '../events/events.repository';
import { letterIdsOfPartner } from '../letters/letter-links.repository';
import type { MutationContext } from '../context';
import { conflict } from '../errors';
import { newId } from '../ids';
import { defineHandlers } from '../registrar';
import { relationshipIdsOfPartner } from '../relationships/relationships.repository';
import { insertPartner, listPartners, updatePartner } from './partners.repository';
import {
  applyUpdate,
  checkPartner,
  draftColumns,
  draftFromInput,
  draftFromPartner,
  loadPartner,
  loadPartners,
} from './partners.service';

/**
 * Contacts, relationships, cases, letters, events and programme items carry their partner's
 * names in their search documents: when a partner's names or country change, those documents
 * are rewritten too, in the same transaction, so a search for the new name finds them at once.
 * Their lists show the partner's name as well, so each kind rewritten is announced: an open
 * letter register or event list reads the new name without the user refreshing it.
 */
async function touchDependents(ctx: MutationContext, before: Partner, after: Partner): Promise<void> {
  const same =
    before.nameFa === after.nameFa &&
    before.nameEn === after.nameEn &&
    before.nameNative === after.nameNative &&
    before.country === after.country;
  if (same) return;
  const { events, programmeItems } = await eventRecordsOfPartner(ctx.tx, after.id);
  const dependents: [entity: string, ids: readonly string[]][] = [
    ['contact', await contactIdsOfPartner(ctx.tx, after.id)],
    ['relationship', await relationshipIdsOfPartner(ctx.tx, after.id)],
    ['case', await caseIdsOfPartner(ctx.tx, after.id)],
    ['letter', await letterIdsOfPartner(ctx.tx, after.id)],
    ['event', events],
    ['programme_item', programmeItems],
  ];
  for (const [entity, ids] of dependents) {
    for (const id of ids) ctx.touch(entity, id);
    if (ids.length > 0) ctx.announce(entity);
  }
}

export const partnersHandlers = defineHandlers({
  'partners.create': async (ctx, input) => {
    const draft = draftFromInput(input);
    await checkPartner(ctx.tx, draft, null);
    const id = newId();
    await insertPartner(ctx.tx, {
      id,
      ...draftColumns(draft),
      archived: 0,
      created_at: ctx.nowIso,
      updated_at: ctx.nowIso,
    });
    ctx.touch('partner', id);
    const after = await loadPartner(ctx.tx, id);
    return { value: after, audit: { entity: 'partner', entityId: id, before: null, after } };
  },

  'partners.update': async (ctx, input) => {
    const before = await loadPartner(ctx.tx, input.id);
    const draft = applyUpdate(draftFromPartner(before), input);
    await checkPartner(ctx.tx, draft, input.id);
    await updatePartner(ctx.tx, input.id, { ...draftColumns(draft), updated_at: ctx.nowIso });
    ctx.touch('partner', input.id);
    const after = await loadPartner(ctx.tx, input.id);
    await touchDependents(ctx, before, after);
    return { value: after, audit: { entity: 'partner', entityId: input.id, before, after } };
  },

  'partners.get': async (ctx, input) => loadPartner(ctx.tx, input.id),

  'partners.list': async (ctx, input) => {
    const { rows, total } = await listPartners(ctx.tx, input);
    return { items: await loadPartners(ctx.tx, rows), total };
  },

  'partners.archive': async (ctx, input) => {
    const before = await loadPartner(ctx.tx, input.id);
    if (before.archived) throw conflict('This partner is already archived.');
    await updatePartner(ctx.tx, input.id, { archived: 1, updated_at: ctx.nowIso });
    ctx.touch('partner', input.id);
    const after = await loadPartner(ctx.tx, input.id);
    return { value: after, audit: { entity: 'partner', entityId: input.id, before, after } };
  },

  'partners.restore': async (ctx, input) => {
    const before = await loadPartner(ctx.tx, input.id);
    if (!before.archived) throw conflict('This partner is not archived.');
    await updatePartner(ctx.tx, input.id, { archived: 0, updated_at: ctx.nowIso });
    ctx.touch('partner', input.id);
    const after = await loadPartner(ctx.tx, input.id);
    return { value: after, audit: { entity: 'partner', entityId: input.id, before, after } };
  },
});
