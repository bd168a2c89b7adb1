/**
 * Builds the DESIGN §5 office-scale desk through the real core (desk.call), so every record
 * carries its audit row and search entry exactly as the program writes them. Deterministic:
 * the same scale gives the same office. Writes in the order the references need.
 */
import type { MethodInput, MethodName, MethodOutput } from '../shared/api/contract';
import type { Desk } from '../electron/main/core';
import { AuditAppender, type AuditChange } from '../electron/main/core/audit/audit.repository';
import { LetterBatch } from '../electron/main/core/letters/letters.batch';
import { readSettings } from '../electron/main/core/settings/settings.repository';
import { letterCreateInput } from '../shared/api/letters.contract';
import type { BenchClock } from './clock';
import { Progress } from './progress';
import { Random, body, fill, personEn, personFa, persianDigits, words, type City } from './words';

/** The DESIGN §5 dataset at scale 1. */
export const FULL_SCALE = {
  partners: 300,
  contacts: 3_000,
  relationships: 400,
  cases: 20_000,
  letters: 100_000,
  agreements: 1_000,
  clausesPerAgreement: 15,
  events: 3_000,
  approvalSteps: 50_000,
} as const;

export type Counts = { -readonly [K in keyof typeof FULL_SCALE]: number };

export function countsAt(scale: number): Counts {
  const out = {} as Counts;
  for (const [key, value] of Object.entries(FULL_SCALE) as [keyof Counts, number][]) {
    out[key] = key === 'clausesPerAgreement' ? value : Math.max(2, Math.round(value * scale));
  }
  return out;
}

type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

export function caller(desk: Desk): Call {
  return async (method, input) => {
    const result = await desk.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
}

/**
 * Runs `body` for records `from..to-1`, `size` records to a transaction: each call inside is
 * a real mutation with its own audit row and search entries (Desk.mutateTogether), but the
 * office is not committed record by record, which made the 1× office take 74 minutes.
 */
async function inGroups(
  desk: Desk,
  from: number,
  to: number,
  size: number,
  body: (call: Call, i: number) => Promise<void>,
): Promise<void> {
  for (let start = from; start < to; start += size) {
    const end = Math.min(to, start + size);
    await desk.mutateTogether(async (call) => {
      for (let i = start; i < end; i++) await body(call, i);
    });
  }
}

/** Records written per transaction. */
const GROUP = 200;

const FIRST_DAY = Date.UTC(2019, 0, 1);
const DAY = 86_400_000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const AREAS = [
  'economic',
  'cultural',
  'educational',
  'scientific',
  'tourism',
  'urban_management',
  'environment',
  'health',
  'sport',
] as const;
const CASE_KINDS = [
  'outgoing_delegation',
  'incoming_delegation',
  'forum',
  'cultural_week',
  'agreement_negotiation',
  'incoming_request',
  'other',
] as const;
const EVENT_KINDS = [
  'forum',
  'conference',
  'cultural_week',
  'exhibition',
  'incoming_delegation',
  'outgoing_delegation',
  'visit',
  'online_meeting',
] as const;
const CHANNELS = ['post', 'email', 'fax', 'diplomatic_pouch', 'by_hand', 'online_portal'] as const;
const CLASSIFICATIONS = ['عادی', 'عادی', 'عادی', 'محرمانه', 'خیلی محرمانه'];
const URGENCIES = ['عادی', 'عادی', 'فوری', 'خیلی فوری'];

interface World {
  rnd: Random;
  users: string[];
  isfahan: string;
  newJulfa: string;
  partners: { id: string; city: City }[];
  contacts: { id: string; partner: number }[];
  relationships: { id: string; partner: number }[];
  cases: { id: string; partner: number; kind: string; opened: number }[];
  /** Letters registered in earlier days, which a new letter may follow or refer to. */
  recent: string[];
  /** Each partner's first contact, the letters' correspondent at that partner. */
  firstContact: Map<number, { id: string }>;
  /** Follow-up tasks not yet done: completed once their due day has passed, most of them. */
  openTasks: { id: string; due: number; caseClosed: boolean }[];
  /** Records written so far, for the progress bar. */
  written: number;
  /** Approval chains asked for so far, and their steps. */
  chainsAsked: number;
  stepsMade: number;
  /** Case kinds with no default approval template: their cases start no chain. */
  chainless: Set<string>;
}

/** The span of time the records cover is written in this many slices, every kind in each. */
const SLICES = 100;

/**
 * Generates the office into an open, empty desk. `days` spreads the records over time; the
 * clock moves with them so registration times and audit rows are in order.
 */
export async function generate(desk: Desk, clock: BenchClock, scale: number): Promise<Counts> {
  const counts = countsAt(scale);
  const call = caller(desk);
  const rnd = new Random(20_261_127);
  const span = 2_800; // days, 2019-01-01 to late 2026
  const w: World = {
    rnd,
    users: [],
    isfahan: '',
    newJulfa: '',
    partners: [],
    contacts: [],
    relationships: [],
    cases: [],
    recent: [],
    firstContact: new Map(),
    openTasks: [],
    written: 0,
    chainsAsked: 0,
    chainless: new Set(),
    stepsMade: 0,
  };
  const at = (fraction: number) => FIRST_DAY + Math.floor(fraction * span) * DAY;
  clock.set(FIRST_DAY);

  for (const [i, role] of (
    ['manager', 'staff', 'staff', 'staff', 'staff', 'staff', 'staff', 'admin'] as const
  ).entries()) {
    const user = await call('users.create', {
      username: `user${i + 1}`,
      nameFa: personFa(rnd),
      nameEn: personEn(rnd),
      position: role === 'manager' ? 'مدیرکل ارتباطات و امور بین‌الملل' : 'کارشناس روابط بین‌الملل',
      role,
    });
    w.users.push(user.id);
  }

  const bar = new Progress();
  w.isfahan = (
    await call('partners.create', {
      kind: 'city',
      own: true,
      nameFa: 'اصفهان',
      nameEn: 'Isfahan',
      country: 'IR',
      nativeLanguage: 'fa',
      latitude: 32.6546,
      longitude: 51.668,
    })
  ).id;
  w.newJulfa = (
    await call('partners.create', {
      kind: 'district',
      own: true,
      nameFa: 'جلفای نو',
      nameEn: 'New Julfa',
      parentId: w.isfahan,
    })
  ).id;
  bar.start('partners', counts.partners);
  await inGroups(desk, 0, counts.partners, GROUP, async (call, i) => {
    const city = words.cities[i % words.cities.length]!;
    const round = Math.floor(i / words.cities.length);
    let created;
    if (round === 0) {
      created = await call('partners.create', {
        kind: 'city',
        nameFa: city.nameFa,
        nameEn: city.nameEn,
        country: city.country,
        nativeLanguage: city.language,
        latitude: city.latitude,
        longitude: city.longitude,
      });
    } else {
      const org = words.orgKinds[(round - 1) % words.orgKinds.length]!;
      created = await call('partners.create', {
        kind: 'organisation',
        orgType: org.orgType,
        nameFa: `${org.prefixFa} ${city.nameFa}${round > words.orgKinds.length ? ` ${persianDigits(round)}` : ''}`,
        nameEn: `${org.prefixEn} ${city.nameEn}${round > words.orgKinds.length ? ` ${round}` : ''}`,
        country: city.country,
      });
    }
    w.partners.push({ id: created.id, city });
    bar.tick(i + 1);
  });

  bar.start('contacts', counts.contacts);
  await inGroups(desk, 0, counts.contacts, GROUP, async (call, i) => {
    const partner = i % w.partners.length;
    const en = personEn(rnd);
    const created = await call('contacts.create', {
      partnerId: w.partners[partner]!.id,
      nameFa: personFa(rnd),
      nameEn: en,
      position: rnd.pick([
        'مسئول روابط بین‌الملل',
        'معاون شهردار',
        'رئیس دفتر همکاری‌های خارجی',
        'مدیر برنامه‌های فرهنگی',
      ]),
      emails: [`${en.toLowerCase().replace(/[^a-z]+/g, '.')}.${i}@example.org`],
      languages: [w.partners[partner]!.city.language.slice(0, 2), 'en'],
    });
    w.contacts.push({ id: created.id, partner });
    bar.tick(i + 1);
  });

  bar.start('relationships', counts.relationships);
  const types = ['sister_city', 'friendship_city', 'cooperation_agreement', 'network_membership'] as const;
  await inGroups(desk, 0, counts.relationships, GROUP, async (call, i) => {
    const partner = i % w.partners.length;
    const type = types[Math.floor(i / w.partners.length) % types.length]!;
    const rel = await call('relationships.create', {
      ownUnitId: i % 7 === 3 ? w.newJulfa : w.isfahan,
      partnerId: w.partners[partner]!.id,
      type,
      status: rnd.pick(['active', 'active', 'active', 'dormant', 'exploring'] as const),
      establishedOn: isoDay(at(rnd.next() * 0.5)),
      areas: [rnd.pick(AREAS), rnd.pick(AREAS)].filter((a, j, all) => all.indexOf(a) === j),
    });
    w.relationships.push({ id: rel.id, partner });
    bar.tick(i + 1);
  });

  for (const c of w.contacts) if (!w.firstContact.has(c.partner)) w.firstContact.set(c.partner, c);

  // An office's records of every kind arrive together over the years, so they are written a
  // slice of time at a time, every kind in each slice: the newest records are a mix of letters,
  // cases, events and agreements, as in a desk that has been in use, not one kind after another.
  const total = counts.cases + counts.letters + counts.events + counts.agreements + counts.approvalSteps;
  bar.start('office', total);
  const part = (n: number, s: number): [number, number] => [
    Math.floor((n * s) / SLICES),
    Math.floor((n * (s + 1)) / SLICES),
  ];
  for (let s = 0; s < SLICES; s++) {
    const sliceEnd = at((s + 1) / SLICES) - 1;
    await generateCases(desk, clock, w, counts.cases, part(counts.cases, s), at);
    await generateLetters(desk, clock, w, counts.letters, part(counts.letters, s), at);
    await generateEvents(desk, clock, w, counts.events, part(counts.events, s), at);
    clock.set(at(s / SLICES) + 10 * 3_600_000);
    await generateAgreements(desk, w, counts, part(counts.agreements, s));
    await completeTasks(desk, clock, w, sliceEnd);
    await generateApprovals(desk, clock, w, part(counts.approvalSteps, s)[1], sliceEnd);
    bar.tick(w.written);
  }
  bar.done();
  return counts;
}

/** A follow-up task's title, the everyday work a case asks for. */
const TASK_TITLES = [
  'پیگیری پاسخ نامه از طرف خارجی',
  'هماهنگی با دفتر شهردار',
  'تهیه پیش‌نویس برنامه سفر',
  'ترجمه مکاتبات به انگلیسی',
  'استعلام از وزارت امور خارجه',
  'تنظیم گزارش برای مدیرکل',
  'رزرو محل برگزاری نشست',
  'ارسال دعوت‌نامه رسمی',
];

/**
 * The cases opened in `[from, to)`, each with the follow-up tasks its owner adds (three to
 * nine, due over the following weeks): with the tasks' completions they are most of the
 * office's audit rows besides the register's.
 */
async function generateCases(
  desk: Desk,
  clock: BenchClock,
  w: World,
  count: number,
  [from, to]: [number, number],
  at: (f: number) => number,
): Promise<void> {
  const { rnd } = w;
  await inGroups(desk, from, to, GROUP / 5, async (call, i) => {
    const opened = at(i / count);
    clock.set(opened + 8 * 3_600_000);
    const rel = rnd.pick(w.relationships);
    const city = w.partners[rel.partner]!.city;
    const kind = rnd.pick(CASE_KINDS);
    const status = opened < at(0.85) ? rnd.pick(['done', 'done', 'cancelled', 'open'] as const) : 'open';
    const owner = rnd.pick(w.users);
    const created = await call('cases.create', {
      title: fill(rnd, rnd.pick(words.subjectsFa), city, isoDay(opened), true),
      kind,
      priority: rnd.pick(['low', 'normal', 'normal', 'high', 'urgent'] as const),
      status,
      ownerId: owner,
      openedOn: isoDay(opened),
      dueOn: isoDay(opened + rnd.int(10, 120) * DAY),
      relationshipId: rel.id,
      area: rnd.pick(AREAS),
      description: fill(rnd, rnd.pick(words.sentencesFa.slice(1)), city, isoDay(opened), true),
    });
    w.cases.push({ id: created.id, partner: rel.partner, kind, opened });
    const tasks = rnd.int(3, 9);
    for (let t = 0; t < tasks; t++) {
      const due = opened + (t + 1) * rnd.int(3, 10) * DAY;
      const task = await call('tasks.create', {
        title: rnd.pick(TASK_TITLES),
        ownerType: 'case',
        ownerId: created.id,
        assigneeId: rnd.chance(0.7) ? owner : rnd.pick(w.users),
        dueDate: isoDay(due),
      });
      w.openTasks.push({ id: task.id, due, caseClosed: status !== 'open' });
    }
    w.written += 1;
  });
}

/**
 * The tasks due by `until` are done on their due day: all of a closed case's, nine in ten of
 * an open one's (the rest stay open, overdue, as some do in any office).
 */
async function completeTasks(desk: Desk, clock: BenchClock, w: World, until: number): Promise<void> {
  const { rnd } = w;
  const due = w.openTasks.filter((t) => t.due <= until).sort((a, b) => a.due - b.due);
  w.openTasks = w.openTasks.filter((t) => t.due > until);
  const done = due.filter((t) => t.caseClosed || rnd.chance(0.9));
  await inGroups(desk, 0, done.length, GROUP, async (call, i) => {
    const task = done[i]!;
    clock.set(task.due + 15 * 3_600_000);
    await call('tasks.complete', { id: task.id });
  });
}

/**
 * Letters `[from, to)` are registered a day at a time through the import's batched path
 * (LetterBatch: each letter checked and numbered as createLetter does it, written in multi-row
 * statements with its search entries, and its own `letters.create` audit row at its
 * registration time); the day's referrals and closures follow as calls, after the registry's
 * working hours. Several days go to one transaction.
 */
async function generateLetters(
  desk: Desk,
  clock: BenchClock,
  w: World,
  count: number,
  [from, to]: [number, number],
  at: (f: number) => number,
): Promise<void> {
  const { rnd, recent, firstContact } = w;
  const { env } = desk.internals;
  let i = from;
  while (i < to) {
    await desk.mutateTogether(async (call, tx) => {
      let nowIso = '';
      const ctx = {
        tx,
        actor: env.actor,
        get nowIso() {
          return nowIso;
        },
        touch: () => {
          throw new Error('LetterBatch indexes its letters itself');
        },
      };
      const batch = new LetterBatch(ctx, await readSettings(tx));
      const until = i + GROUP;
      while (i < to && i < until) {
        const day = at(i / count);
        const date = isoDay(day);
        const made: { id: string; tsUtc: string; audit: AuditChange; direction: string }[] = [];
        // The day's registrations.
        for (; i < to && at(i / count) === day; i++) {
          clock.set(day + (9 + (i % 8)) * 3_600_000);
          nowIso = clock.now().toISOString();
          const kase = rnd.chance(0.6) ? rnd.pick(w.cases) : null;
          const partner = kase ? kase.partner : rnd.int(0, w.partners.length - 1);
          const city = w.partners[partner]!.city;
          const contact = firstContact.get(partner) ?? null;
          const direction = rnd.pick(['incoming', 'incoming', 'outgoing', 'outgoing', 'internal'] as const);
          const persian = direction === 'internal' || rnd.chance(0.6);
          const other = contact ? { contactId: contact.id } : { partnerId: w.partners[partner]!.id };
          const input = letterCreateInput.parse({
            direction,
            letterDate: date,
            senderNumber:
              direction === 'incoming'
                ? persian
                  ? persianDigits(`${rnd.int(100, 999)}/${rnd.int(1000, 99999)}`)
                  : `INT/${date.slice(0, 4)}/${rnd.int(100, 9999)}`
                : null,
            from:
              direction === 'incoming'
                ? other
                : direction === 'internal'
                  ? { text: 'کارشناس روابط بین‌الملل' }
                  : { partnerId: w.isfahan },
            to:
              direction === 'outgoing'
                ? other
                : direction === 'internal'
                  ? { text: 'مدیرکل ارتباطات و امور بین‌الملل' }
                  : { partnerId: w.isfahan },
            subject: fill(rnd, rnd.pick(persian ? words.subjectsFa : words.subjectsEn), city, date, persian),
            body: body(rnd, city, date, persian),
            language: persian ? 'fa' : 'en',
            classification: rnd.pick(CLASSIFICATIONS),
            urgency: rnd.pick(URGENCIES),
            channel: rnd.pick(CHANNELS),
            attachmentsCount: rnd.int(0, 3),
            followUpDate: rnd.chance(0.3) ? isoDay(day + rnd.int(5, 40) * DAY) : null,
            references:
              recent.length > 0 && rnd.chance(0.3)
                ? [{ letterId: rnd.pick(recent), kind: rnd.pick(['follows', 'refers'] as const) }]
                : [],
            copies: rnd.chance(0.2) ? [{ text: 'دبیرخانه شهرداری', purpose: 'filing' }] : [],
            caseId: kase?.id ?? null,
            partnerIds: [w.partners[partner]!.id],
          });
          const created = await batch.add(input);
          made.push({ id: created.value.id, tsUtc: nowIso, audit: created.audit, direction });
        }
        await batch.flush();
        // Each letter's audit row as a registration writes it, at its registration time.
        const stamp = { action: 'letters.create', actor: env.actor, workstation: env.workstation, tsUtc: '' };
        const audit = new AuditAppender(tx, stamp);
        for (const letter of made) {
          stamp.tsUtc = letter.tsUtc;
          await audit.append(letter.audit);
        }
        // Referrals and closures are the register's everyday updates, and most of its audit rows.
        clock.set(day + 17 * 3_600_000);
        for (const letter of made) {
          if (letter.direction !== 'outgoing' && rnd.chance(0.8)) {
            await call('letters.refer', {
              id: letter.id,
              toUserId: rnd.pick(w.users),
              instruction: 'جهت بررسی و اقدام لازم',
              dueDate: isoDay(day + 7 * DAY),
            });
            if (rnd.chance(0.5))
              await call('letters.refer', {
                id: letter.id,
                toUserId: rnd.pick(w.users),
                instruction: 'پیش‌نویس پاسخ تهیه شود.',
              });
          }
          if (day < at(0.9) && rnd.chance(0.5))
            await call('letters.close', { id: letter.id, note: 'اقدام شد و بایگانی گردید.' });
          recent.push(letter.id);
          if (recent.length > 200) recent.shift();
        }
        w.written += made.length;
      }
    });
  }
}

/** Agreements `[from, to)`, each with its clauses in Persian and English and a first version. */
async function generateAgreements(desk: Desk, w: World, counts: Counts, [from, to]: [number, number]) {
  const { rnd } = w;
  await inGroups(desk, from, to, GROUP / 20, async (call, i) => {
    const rel = w.relationships[i % w.relationships.length]!;
    const city = w.partners[rel.partner]!.city;
    const agreement = await call('agreements.create', {
      kind: rnd.pick(['mou', 'sister_city', 'friendship_protocol', 'cooperation_programme'] as const),
      title: `تفاهم‌نامه همکاری اصفهان و ${city.nameFa} — ${persianDigits(i + 1)}`,
      languages: ['fa', 'en'],
      ownUnit: { partnerId: w.isfahan, signatoryName: 'علی قاسم‌زاده', signatoryPosition: 'شهردار اصفهان' },
      partners: [
        {
          partnerId: w.partners[rel.partner]!.id,
          signatoryName: personEn(rnd),
          signatoryPosition: `Mayor of ${city.nameEn}`,
        },
      ],
      termYears: 5,
      renewalNoticeMonths: 6,
      relationshipId: rel.id,
      preamble: {
        fa: `شهرداری اصفهان و شهرداری ${city.nameFa}، با تمایل به گسترش همکاری‌های فرهنگی، علمی و شهری، به شرح زیر توافق کردند:`,
        en: `The Municipality of Isfahan and the Municipality of ${city.nameEn}, wishing to broaden their cultural, scientific and urban cooperation, have agreed as follows:`,
      },
    });
    for (let c = 0; c < counts.clausesPerAgreement; c++) {
      const area = AREAS[(i + c) % AREAS.length]!;
      await call('agreements.clauses.add', {
        agreementId: agreement.id,
        texts: {
          fa: `طرفین در زمینه ${AREA_FA[area]} همکاری می‌کنند و ${fill(rnd, rnd.pick(words.sentencesFa.slice(4, 14)), city, '2025-01-01', true)}`,
          en: `The Parties shall cooperate in ${area.replace('_', ' ')}. ${fill(rnd, rnd.pick(words.sentencesEn.slice(3, 9)), city, '2025-01-01', false)}`,
        },
      });
    }
    await call('agreements.saveVersion', { id: agreement.id, note: 'پیش‌نویس نخست' });
    w.written += 1;
  });
}

const AREA_FA: Record<(typeof AREAS)[number], string> = {
  economic: 'اقتصادی',
  cultural: 'فرهنگی',
  educational: 'آموزشی',
  scientific: 'علمی',
  tourism: 'گردشگری',
  urban_management: 'مدیریت شهری',
  environment: 'محیط زیست',
  health: 'سلامت',
  sport: 'ورزش',
};

/** Events `[from, to)`, starting on their days over the span. */
async function generateEvents(
  desk: Desk,
  clock: BenchClock,
  w: World,
  count: number,
  [from, to]: [number, number],
  at: (f: number) => number,
): Promise<void> {
  const { rnd } = w;
  await inGroups(desk, from, to, GROUP, async (call, i) => {
    const start = at(i / count);
    clock.set(start);
    const partner = w.partners[rnd.int(0, w.partners.length - 1)]!;
    const kind = rnd.pick(EVENT_KINDS);
    await call('events.create', {
      kind,
      title:
        kind === 'cultural_week'
          ? `هفته فرهنگی اصفهان در ${partner.city.nameFa}`
          : `${rnd.pick(['اجلاس', 'نشست', 'همایش', 'بازدید هیئت'])} ${partner.city.nameFa} ${persianDigits(new Date(start).getUTCFullYear())}`,
      status: start < at(0.85) ? 'held' : 'planned',
      startDate: isoDay(start),
      endDate: isoDay(start + rnd.int(0, 6) * DAY),
      ourRole: rnd.pick(['attendee', 'speaker', 'organiser', 'host'] as const),
      hostPartnerId: partner.id,
      venue: `${partner.city.nameEn} City Hall`,
      objectives: fill(rnd, rnd.pick(words.sentencesFa.slice(1)), partner.city, isoDay(start), true),
    });
    w.written += 1;
  });
}

/**
 * Approval chains for cases opened so far, until `steps` steps exist, as seen at `now` (the
 * end of the slice): each chain began up to half a year ago (never before its case), and
 * its authorities submitted and decided in turn. A chain whose next date would fall after
 * `now` waits there, as do chains stuck at an authority.
 */
async function generateApprovals(desk: Desk, clock: BenchClock, w: World, steps: number, now: number) {
  const { rnd } = w;
  clock.set(now);
  // Cases are taken in a scattered order; a kind with no default template is learnt from its
  // first refusal and its cases passed over. A slice whose cases are all of such kinds stops
  // after passing over each of them once; a later slice makes up its steps.
  let passed = 0;
  const startable = () => w.cases.length > 0 && passed < w.cases.length;
  while (w.stepsMade < steps && startable()) {
    await desk.mutateTogether(async (call) => {
      const until = w.stepsMade + GROUP;
      while (w.stepsMade < steps && w.stepsMade < until && startable()) {
        const kase = w.cases[(w.chainsAsked * 7919) % w.cases.length]!;
        w.chainsAsked++;
        if (w.chainless.has(kase.kind)) {
          passed++;
          continue;
        }
        const result = await call('approvals.start', { caseId: kase.id }).catch(() => null);
        if (!result) {
          w.chainless.add(kase.kind);
          passed++;
          continue;
        }
        passed = 0;
        let when = Math.max(kase.opened, now - rnd.int(20, 180) * DAY);
        for (const step of result.steps) {
          if (rnd.chance(0.15)) break; // the chain is stuck at this authority
          await call('approvals.submit', { stepId: step.id, submittedOn: isoDay(when) });
          if (rnd.chance(0.2)) break;
          when += rnd.int(1, 30) * DAY;
          if (when > now) break; // the decision is still awaited
          await call('approvals.decide', { stepId: step.id, decision: 'approved', decidedOn: isoDay(when) });
        }
        w.stepsMade += result.steps.length;
        w.written += result.steps.length;
      }
    });
  }
}
