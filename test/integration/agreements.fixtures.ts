/**
 * What the agreement tests stand on: our own city and a neighbourhood, foreign partner
 * cities, a relationship and a case, made through the desk's API like everything else.
 */
import type { AgreementCreateInput } from '../../shared/api/agreements.contract';
import type { TestDesk } from '../helpers/desk';

export interface World {
  isfahan: string;
  newJulfa: string;
  kazan: string;
  yerevan: string;
  issy: string;
  /** Isfahan ↔ Kazan. */
  kazanRelationship: string;
  kazanCase: string;
}

export async function seedWorld(t: TestDesk): Promise<World> {
  const partner = async (nameFa: string, nameEn: string, own: boolean, kind: 'city' | 'district' = 'city') =>
    (await t.ok('partners.create', { kind, nameFa, nameEn, own })).id;
  const isfahan = await partner('اصفهان', 'Isfahan', true);
  const newJulfa = await partner('جلفای نو', 'New Julfa', true, 'district');
  const kazan = await partner('کازان', 'Kazan', false);
  const yerevan = await partner('ایروان', 'Yerevan', false);
  const issy = await partner('ایسی‌له‌مولینو', 'Issy-les-Moulineaux', false);
  const relationship = await t.ok('relationships.create', {
    ownUnitId: isfahan,
    partnerId: kazan,
    type: 'sister_city',
    status: 'active',
  });
  const kazanCase = await t.ok('cases.create', {
    title: 'مذاکره تفاهم‌نامه کازان',
    kind: 'agreement_negotiation',
    relationshipId: relationship.id,
  });
  return {
    isfahan,
    newJulfa,
    kazan,
    yerevan,
    issy,
    kazanRelationship: relationship.id,
    kazanCase: kazanCase.id,
  };
}

/** The Kazan agreement as drafted: Russian, Persian and English side by side. */
export function kazanDraft(w: World, extra: Partial<AgreementCreateInput> = {}): AgreementCreateInput {
  return {
    kind: 'sister_city',
    title: 'موافقت‌نامه خواهرخواندگی اصفهان و کازان',
    languages: ['ru', 'fa', 'en'],
    preamble: {
      ru: 'Стороны, стремясь к развитию дружественных отношений,',
      fa: 'طرفین با تمایل به گسترش روابط دوستانه،',
      en: 'The Parties, wishing to develop friendly relations,',
    },
    ownUnit: { partnerId: w.isfahan, signatoryName: 'علیرضا قاری قرآن', signatoryPosition: 'شهردار اصفهان' },
    partners: [{ partnerId: w.kazan, signatoryName: 'Ilsur Metshin', signatoryPosition: 'Mayor of Kazan' }],
    relationshipId: w.kazanRelationship,
    caseId: w.kazanCase,
    ...extra,
  };
}

/** Texts in the Kazan agreement's three languages. */
export function tri(ru: string, fa: string, en: string) {
  return { ru, fa, en };
}

/** Every row of the agreement tables, to prove a refused call changed nothing. */
export async function agreementTables(t: TestDesk): Promise<unknown[]> {
  const db = t.desk.internals.db;
  return Promise.all([
    db.selectFrom('agreements').selectAll().orderBy('id').execute(),
    db.selectFrom('agreement_parties').selectAll().orderBy('agreement_id').orderBy('position').execute(),
    db.selectFrom('agreement_clauses').selectAll().orderBy('clause_key').execute(),
    db.selectFrom('agreement_versions').selectAll().orderBy('id').execute(),
    db.selectFrom('agreement_transitions').selectAll().orderBy('id').execute(),
    db.selectFrom('clause_library').selectAll().orderBy('id').execute(),
    db.selectFrom('clause_library_tags').selectAll().orderBy('clause_id').orderBy('tag').execute(),
    db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq').execute(),
  ]);
}
