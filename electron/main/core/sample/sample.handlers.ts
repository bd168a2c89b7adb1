/**
 * sample.load: one transaction that builds the sample office through the real handlers.
 * Refused on a desk that already holds records unless forced; a marker row makes it
 * idempotent, so pressing the button twice never doubles anything.
 */
import { join } from 'node:path';
import { addDays, todayIso } from '../../../../shared/dates/jalali';
import type { Transaction } from 'kysely';
import type { TaskContext } from '../context';
import type { Database } from '../db/tables';
import { defineHandlers } from '../registrar';
import { loadAgreements, loadEventsAndApprovals } from './sample.activity';
import { loadLetters } from './sample.letters';
import { invoker, type HandlerTable } from './sample.invoke';
import { ISFAHAN, NEW_JULFA, ORGANISATIONS, OTHER_CITIES, SISTER_CITIES } from './sample.places';

/** Not an office setting (settings.get never shows it): only marks that the sample is in. */
const MARKER_KEY = 'sample.loadedAt';

export interface SampleWorld {
  today: string;
  /** A date relative to today, so the sample always has overdue, current and upcoming work. */
  rel(days: number): string;
  isfahan: string;
  newJulfa: string;
  cities: Map<string, string>;
  orgs: Map<string, string>;
  relationships: Map<string, string>;
  contacts: Map<string, string>;
  users: Map<string, string>;
  /** The signed-in staff member, when registered; referrals and tasks go to them too. */
  me: string | null;
  files: (name: string) => string;
}

async function isEmpty(ctx: TaskContext): Promise<boolean> {
  for (const table of ['partners', 'letters', 'cases'] as const) {
    const row = await ctx.db.selectFrom(table).select('id').limit(1).executeTakeFirst();
    if (row) return false;
  }
  return true;
}

async function countRows(tx: Transaction<Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [
    'partners',
    'contacts',
    'relationships',
    'cases',
    'letters',
    'attachments',
    'agreements',
    'events',
    'programme_items',
    'approval_chains',
    'tasks',
  ] as const) {
    const row = await tx
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

export function sampleHandlers(handlers: HandlerTable) {
  return defineHandlers({
    'sample.load': async (ctx, input) => {
      const marker = await ctx.db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', MARKER_KEY)
        .executeTakeFirst();
      if (marker)
        return { value: { loaded: false, reason: 'already_loaded' as const, counts: {} }, audit: null };
      if (!input.force && !(await isEmpty(ctx))) {
        return { value: { loaded: false, reason: 'not_empty' as const, counts: {} }, audit: null };
      }
      const steps = 6;
      const counts = await ctx.transaction(
        async (tx) => {
          const call = invoker(handlers, ctx, tx);
          const today = todayIso(ctx.now);
          const me = await tx
            .selectFrom('users')
            .select('id')
            .where('username', '=', ctx.actor)
            .executeTakeFirst();
          const world: SampleWorld = {
            today,
            rel: (days) => addDays(today, days),
            isfahan: '',
            newJulfa: '',
            cities: new Map(),
            orgs: new Map(),
            relationships: new Map(),
            contacts: new Map(),
            users: new Map(),
            me: me?.id ?? null,
            files: (name) => join(ctx.paths.resourcesDir, 'sample', name),
          };

          ctx.progress('people', 0, steps);
          for (const [key, username, nameFa, nameEn, position, role] of [
            ['head', 'a.rezaei', 'علی رضایی', 'Ali Rezaei', 'مدیرکل ارتباطات و امور بین‌الملل', 'manager'],
            ['expert', 'm.ahmadi', 'مریم احمدی', 'Maryam Ahmadi', 'کارشناس روابط بین‌الملل', 'staff'],
            ['protocol', 's.karimi', 'سارا کریمی', 'Sara Karimi', 'کارشناس تشریفات', 'staff'],
          ] as const) {
            const existing = await tx
              .selectFrom('users')
              .select('id')
              .where('username', '=', username)
              .executeTakeFirst();
            const user =
              existing ?? (await call('users.create', { username, nameFa, nameEn, position, role }));
            world.users.set(key, user.id);
          }

          ctx.progress('partners', 1, steps);
          world.isfahan = (
            await call('partners.create', {
              kind: 'city',
              own: true,
              ...ISFAHAN,
              nativeLanguage: 'fa',
              website: 'https://www.isfahan.ir',
            })
          ).id;
          world.newJulfa = (
            await call('partners.create', {
              kind: 'district',
              own: true,
              ...NEW_JULFA,
              parentId: world.isfahan,
              notes: 'محله ارمنی‌نشین اصفهان، با کلیسای وانک',
            })
          ).id;
          for (const city of [...SISTER_CITIES, ...OTHER_CITIES]) {
            const created = await call('partners.create', {
              kind: 'city',
              nameFa: city.nameFa,
              nameEn: city.nameEn,
              nameNative: city.nameNative,
              nativeLanguage: city.nativeLanguage,
              country: city.country,
              latitude: city.latitude,
              longitude: city.longitude,
            });
            world.cities.set(city.key, created.id);
          }
          for (const org of ORGANISATIONS) {
            const created = await call('partners.create', {
              kind: 'organisation',
              orgType: org.orgType,
              nameFa: org.nameFa,
              nameEn: org.nameEn,
              country: org.country,
            });
            world.orgs.set(org.key, created.id);
          }

          ctx.progress('relationships', 2, steps);
          for (const city of SISTER_CITIES) {
            const recent = city.key === 'kazan' || city.key === 'florence' || city.key === 'samarkand';
            const quiet = city.key === 'havana' || city.key === 'dakar';
            const rel = await call('relationships.create', {
              ownUnitId: world.isfahan,
              partnerId: world.cities.get(city.key)!,
              type: 'sister_city',
              status: quiet ? 'dormant' : 'active',
              stage: 'signed',
              establishedOn: city.sisterSince,
              level: recent ? 'high' : quiet ? 'low' : 'medium',
              areas: city.areas,
            });
            world.relationships.set(city.key, rel.id);
          }
          world.relationships.set(
            'issy',
            (
              await call('relationships.create', {
                ownUnitId: world.newJulfa,
                partnerId: world.cities.get('issy')!,
                type: 'neighbourhood_pact',
                status: 'active',
                stage: 'signed',
                establishedOn: '2018-04-11',
                level: 'medium',
                areas: ['cultural', 'urban_management', 'educational'],
                notes: 'پیمان دوستی محله جلفای نو با شهر ایسی‌له‌مولینو در حومه پاریس',
              })
            ).id,
          );
          world.relationships.set(
            'unesco',
            (
              await call('relationships.create', {
                ownUnitId: world.isfahan,
                partnerId: world.orgs.get('unescoCreative')!,
                type: 'network_membership',
                status: 'active',
                establishedOn: '2015-12-11',
                areas: ['cultural', 'tourism'],
                notes: 'اصفهان، شهر خلاق صنایع دستی و هنرهای مردمی',
              })
            ).id,
          );

          for (const [key, partner, nameFa, nameEn, position, email, languages] of [
            [
              'florenceMayor',
              'florence',
              'سارا فونارو',
              'Sara Funaro',
              'شهردار فلورانس',
              'sindaco@comune.fi.it',
              ['it', 'en'],
            ],
            [
              'florenceOffice',
              'florence',
              'جولیا روسی',
              'Giulia Rossi',
              'مسئول روابط بین‌الملل شهرداری فلورانس',
              'relazioni.internazionali@comune.fi.it',
              ['it', 'en', 'fr'],
            ],
            [
              'kazanOffice',
              'kazan',
              'ایلنار گاریفولین',
              'Ilnar Garifullin',
              'رئیس دفتر روابط خارجی شهرداری قازان',
              'international@kzn.ru',
              ['ru', 'tt', 'en'],
            ],
            [
              'issyOffice',
              'issy',
              'کلر دوبوا',
              'Claire Dubois',
              'مسئول همکاری‌های بین‌المللی',
              'international@ville-issy.fr',
              ['fr', 'en'],
            ],
            [
              'clcDirector',
              'clc',
              'لیم وی لینگ',
              'Lim Wei Ling',
              'مدیر برنامه‌های بین‌المللی',
              'programmes@clc.gov.sg',
              ['en', 'zh'],
            ],
            [
              'mfaDesk',
              'mfa',
              'حسین نوری',
              'Hossein Nouri',
              'کارشناس اداره کل همکاری‌های استانی',
              null,
              ['fa', 'en'],
            ],
          ] as const) {
            const partnerId = world.cities.get(partner) ?? world.orgs.get(partner)!;
            const contact = await call('contacts.create', {
              partnerId,
              nameFa,
              nameEn,
              position,
              emails: email ? [email] : [],
              languages: [...languages],
            });
            world.contacts.set(key, contact.id);
          }

          ctx.progress('letters', 3, steps);
          const letters = await loadLetters(call, world);
          ctx.progress('agreements', 4, steps);
          await loadAgreements(call, world);
          ctx.progress('events', 5, steps);
          await loadEventsAndApprovals(call, world, letters);

          await tx
            .insertInto('settings')
            .values({ key: MARKER_KEY, value: JSON.stringify(ctx.nowIso), updated_at: ctx.nowIso })
            .execute();
          return countRows(tx);
        },
        (loaded) => ({
          entity: 'sample',
          entityId: null,
          before: null,
          after: { loaded: true, counts: loaded },
        }),
      );
      ctx.progress('done', steps, steps);
      return { value: { loaded: true, reason: null, counts }, audit: null };
    },
  });
}
