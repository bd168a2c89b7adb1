import { conflict, notFound } from '../errors';
import { newId } from '../ids';
import { defineHandlers } from '../registrar';
import { findUser, findUserByUsername, insertUser, listUsers, updateUser } from './users.repository';
import { toUser } from './users.service';

export const usersHandlers = defineHandlers({
  'users.list': async (ctx, input) => (await listUsers(ctx.tx, input.includeInactive)).map(toUser),

  'users.me': async (ctx) => {
    const row = await findUserByUsername(ctx.tx, ctx.actor);
    return row ? toUser(row) : null;
  },

  'users.create': async (ctx, input) => {
    if (await findUserByUsername(ctx.tx, input.username)) {
      throw conflict(`A user with the username ${input.username} already exists.`);
    }
    const id = newId();
    await insertUser(ctx.tx, {
      id,
      username: input.username,
      name_fa: input.nameFa,
      name_en: input.nameEn ?? null,
      position: input.position ?? null,
      role: input.role ?? 'staff',
      locale: input.locale ?? 'fa',
      calendar: input.calendar ?? (input.locale === 'en' ? 'gregorian' : 'jalali'),
      active: 1,
      created_at: ctx.nowIso,
      updated_at: ctx.nowIso,
    });
    const user = toUser((await findUser(ctx.tx, id))!);
    return { value: user, audit: { entity: 'user', entityId: id, before: null, after: user } };
  },

  'users.update': async (ctx, input) => {
    const existing = await findUser(ctx.tx, input.id);
    if (!existing) throw notFound('User', input.id);
    const before = toUser(existing);
    await updateUser(ctx.tx, input.id, {
      ...(input.nameFa !== undefined && { name_fa: input.nameFa }),
      ...(input.nameEn !== undefined && { name_en: input.nameEn }),
      ...(input.position !== undefined && { position: input.position }),
      ...(input.role !== undefined && { role: input.role }),
      ...(input.locale !== undefined && { locale: input.locale }),
      ...(input.calendar !== undefined && { calendar: input.calendar }),
      ...(input.active !== undefined && { active: input.active ? 1 : 0 }),
      updated_at: ctx.nowIso,
    });
    const after = toUser((await findUser(ctx.tx, input.id))!);
    return { value: after, audit: { entity: 'user', entityId: input.id, before, after } };
  },
});
