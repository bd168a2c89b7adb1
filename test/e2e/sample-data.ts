/**
 * Sample records for the journeys and the screenshots: the office's real kind of work
 * (Isfahan's sister cities, the Paris cultural week, ministries), in Persian and the
 * partners' own languages. Each seeder calls the real core, as a user would.
 */
import type { TestDesk } from '../helpers/desk';

export const ME = {
  username: 'tester',
  nameFa: 'مریم احمدی',
  nameEn: 'Maryam Ahmadi',
  position: 'کارشناس روابط بین‌الملل',
};
export const COLLEAGUE = {
  username: 'r.karimi',
  nameFa: 'رضا کریمی',
  nameEn: 'Reza Karimi',
  position: 'کارشناس مکاتبات',
};

export async function seedUsers(t: TestDesk): Promise<{ meId: string; colleagueId: string }> {
  const me = await t.ok('users.create', { ...ME, role: 'manager' });
  const colleague = await t.ok('users.create', COLLEAGUE);
  return { meId: me.id, colleagueId: colleague.id };
}

const OFFICE = 'اداره کل ارتباطات و امور بین‌الملل شهرداری اصفهان';

interface SampleLetter {
  direction: 'incoming' | 'outgoing' | 'internal';
  letterDate: string;
  other: string;
  subject: string;
  language?: string;
  followUpDate?: string;
  urgency?: string;
  classification?: string;
}

const LETTERS: SampleLetter[] = [
  {
    direction: 'incoming',
    letterDate: '2025-01-12',
    other: 'شهرداری شیان',
    subject: 'درخواست تمدید یادداشت تفاهم خواهرخواندگی',
    followUpDate: '2025-02-15',
  },
  {
    direction: 'outgoing',
    letterDate: '2025-01-20',
    other: 'وزارت امور خارجه',
    subject: 'استعلام صدور روادید برای هیئت فلورانس',
    urgency: 'فوری',
  },
  {
    direction: 'incoming',
    letterDate: '2025-02-02',
    other: 'Ville d’Issy-les-Moulineaux',
    subject: 'Renouvellement du pacte d’amitié avec le quartier de Jolfa',
    language: 'fr',
  },
  {
    direction: 'internal',
    letterDate: '2025-02-10',
    other: 'معاونت فرهنگی شهرداری',
    subject: 'برنامهٔ هفتهٔ فرهنگی اصفهان در پاریس',
  },
  {
    direction: 'incoming',
    letterDate: '2025-02-25',
    other: 'Kazan City Executive Committee',
    subject: 'Invitation to the Kazan Forum of Sister Cities',
    language: 'en',
    followUpDate: '2025-03-30',
  },
  {
    direction: 'outgoing',
    letterDate: '2025-03-03',
    other: 'سفارت جمهوری اسلامی ایران در کوالالامپور',
    subject: 'هماهنگی سفر هیئت شهری به کوالالامپور',
  },
  {
    direction: 'incoming',
    letterDate: '2025-03-08',
    other: 'وزارت کشور',
    subject: 'بررسی گزارش توجیهی خواهرخواندگی با سمرقند',
    classification: 'محرمانه',
  },
  {
    direction: 'outgoing',
    letterDate: '2025-04-14',
    other: 'شورای اسلامی شهر اصفهان',
    subject: 'لایحهٔ دوستی محلهٔ جلفا با ایسی‌له‌مولینو',
  },
  {
    direction: 'incoming',
    letterDate: '2025-04-22',
    other: 'Comune di Firenze',
    subject: 'Proposta di scambio culturale tra Firenze e Isfahan',
    language: 'it',
    followUpDate: '2025-05-20',
  },
  {
    direction: 'incoming',
    letterDate: '2025-04-29',
    other: 'دبیرخانهٔ شبکهٔ شهرهای خلاق یونسکو',
    subject: 'گزارش سالانهٔ عضویت در شبکهٔ شهرهای خلاق',
  },
  {
    direction: 'outgoing',
    letterDate: '2025-05-03',
    other: 'Singapore Centre for Liveable Cities',
    subject: 'Participation in the World Cities Summit 2026',
    language: 'en',
  },
];

/** Registers the sample letters, oldest first; answers their ids in the same order. */
export async function seedLetters(t: TestDesk): Promise<string[]> {
  const ids: string[] = [];
  for (const l of LETTERS) {
    const incoming = l.direction === 'incoming';
    const created = await t.ok('letters.create', {
      direction: l.direction,
      letterDate: l.letterDate,
      from: { text: incoming || l.direction === 'internal' ? l.other : OFFICE },
      to: { text: incoming ? OFFICE : l.direction === 'internal' ? OFFICE : l.other },
      subject: l.subject,
      language: l.language ?? 'fa',
      ...(l.urgency && { urgency: l.urgency }),
      ...(l.classification && { classification: l.classification }),
      ...(l.followUpDate && { followUpDate: l.followUpDate }),
    });
    ids.push(created.id);
  }
  return ids;
}
