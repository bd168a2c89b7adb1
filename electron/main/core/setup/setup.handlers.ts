/**
 * The first run. A desk is set up once the welcome screen was finished (a marker row) or
 * once it holds staff or records of its own — a desk restored from a backup, or one in use
 * before the welcome screen existed, never shows it.
 *
 * setup.complete is a task because it may load the sample office, which runs its own
 * transaction. The person is registered first, so the sample's referrals and tasks reach
 * them; the sample goes in next, while the desk still counts as empty; the own city, the
 * office's names and the marker come last, in one transaction with the setup's audit row.
 */
import type { Transaction } from 'kysely';
import type { ParsedInput } from '../../../../shared/api/contract';
import type { Partner } from '../../../../shared/api/partners.contract';
import { SETTINGS } from '../../../../shared/api/settings.schema';
import type { User } from '../../../../shared/api/system.contract';
import { searchKey } from '../../../../shared/text/persian';
import type { TaskContext } from '../context';
import type { Database } from '../db/tables';
import { conflict } from '../errors';
import { defineHandlers, type HandlerFn } from '../registrar';
import { invoker, type HandlerTable, type Invoke } from '../sample/sample.invoke';
import { readSettings } from '../settings/settings.repository';
import { findUserByUsername } from '../users/users.repository';
import { readSetupMarker, holdsAnything, writeSetupMarker } from './setup.repository';

type SetupInput = ParsedInput<'setup.complete'>;

/** Registers the person at this workstation, or brings their existing record up to date. */
async function registerUser(call: Invoke, tx: Transaction<Database>, ctx: TaskContext, input: SetupInput) {
  const fields = {
    nameFa: input.nameFa,
    nameEn: input.nameEn ?? null,
    locale: input.locale,
    calendar: input.calendar,
  };
  const existing = await findUserByUsername(tx, ctx.actor);
  if (existing) return call('users.update', { id: existing.id, ...fields });
  // Whoever sets the desk up looks after it.
  return call('users.create', { username: ctx.actor, role: 'admin', ...fields });
}

/**
 * The own city: a city partner of the same name (the sample's Isfahan, say) is flagged
 * `own` rather than entered twice; otherwise the city is added.
 */
async function settleOwnCity(call: Invoke, tx: Transaction<Database>, city: SetupInput['city']) {
  const keys = [city.nameFa, city.nameEn].filter((n): n is string => !!n).map(searchKey);
  const cities = await tx
    .selectFrom('partners')
    .select(['id', 'name_fa', 'name_en', 'own'])
    .where('kind', '=', 'city')
    .where('archived', '=', 0)
    .orderBy('created_at')
    .execute();
  const same = cities.find((row) =>
    [row.name_fa, row.name_en].some((name) => name !== null && keys.includes(searchKey(name))),
  );
  if (same)
    return same.own === 1
      ? call('partners.get', { id: same.id })
      : call('partners.update', { id: same.id, own: true });
  return call('partners.create', {
    kind: 'city',
    own: true,
    nameFa: city.nameFa,
    nameEn: city.nameEn ?? null,
    nativeLanguage: city.country === 'IR' ? 'fa' : null,
    country: city.country ?? null,
    latitude: city.latitude ?? null,
    longitude: city.longitude ?? null,
  });
}

/** Names the office after its city where the office's names were left as they came. */
async function nameOffice(call: Invoke, tx: Transaction<Database>, city: Partner) {
  const settings = await readSettings(tx);
  const defaultFa = SETTINGS['office.nameFa'].parse(undefined);
  const defaultEn = SETTINGS['office.nameEn'].parse(undefined);
  if (settings['office.nameFa'] === defaultFa)
    await call('settings.set', { key: 'office.nameFa', value: `${defaultFa} ${city.nameFa}` });
  if (settings['office.nameEn'] === defaultEn && city.nameEn)
    await call('settings.set', { key: 'office.nameEn', value: `${defaultEn}, ${city.nameEn} Municipality` });
  const after = await readSettings(tx);
  return { nameFa: after['office.nameFa'], nameEn: after['office.nameEn'] };
}

/** `handlers` for the records setup writes; `sampleLoad` for the sample office. */
export function setupHandlers(handlers: HandlerTable, sampleLoad: HandlerFn<'sample.load'>) {
  return defineHandlers({
    'setup.status': async (ctx) => {
      const completedAt = await readSetupMarker(ctx.tx);
      return {
        completed: completedAt !== null || (await holdsAnything(ctx.tx)),
        completedAt,
        actor: ctx.actor,
      };
    },

    'setup.complete': async (ctx, input) => {
      const done = await readSetupMarker(ctx.db);
      if (done) throw conflict(`This desk was already set up (${done}); change it in Settings.`);
      const steps = input.start === 'sample' ? 8 : 2;

      ctx.progress('account', 0, steps);
      const user: User = await ctx.transaction(
        (tx) => registerUser(invoker(handlers, ctx, tx), tx, ctx, input),
        (registered) => ({ entity: 'user', entityId: registered.id, before: null, after: registered }),
      );

      let sampleLoaded: boolean | null = null;
      if (input.start === 'sample') {
        // The sample reports its six steps inside this task's bar, after the account.
        const inner: TaskContext = {
          ...ctx,
          get db() {
            return ctx.db;
          },
          get driver() {
            return ctx.driver;
          },
          get cancelled() {
            return ctx.cancelled;
          },
          progress: (phase, stepDone) =>
            ctx.progress(phase === 'done' ? 'office' : phase, stepDone + 1, steps),
        };
        const loaded = await sampleLoad(inner, { force: false });
        sampleLoaded = loaded.value.loaded;
      }

      ctx.progress('office', steps - 1, steps);
      const result = await ctx.transaction(
        async (tx) => {
          const call = invoker(handlers, ctx, tx);
          const ownCity = await settleOwnCity(call, tx, input.city);
          const office = await nameOffice(call, tx, ownCity);
          await writeSetupMarker(tx, ctx.nowIso);
          return { ownCity, office };
        },
        ({ ownCity, office }) => ({
          entity: 'setup',
          entityId: null,
          before: null,
          after: {
            user: user.id,
            ownCity: ownCity.id,
            office,
            start: input.start,
            sampleLoaded,
            completedAt: ctx.nowIso,
          },
        }),
      );
      ctx.progress('done', steps, steps);
      return {
        value: { user, ownCity: result.ownCity, sampleLoaded, completedAt: ctx.nowIso },
        audit: null,
      };
    },
  });
}
