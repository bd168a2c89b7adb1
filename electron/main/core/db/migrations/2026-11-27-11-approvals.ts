/**
 * Approval chains: authorities, chain templates, and the chains of steps on cases, with the
 * authorities and templates the office starts with. Frozen: never edit after release.
 */
import type { Kysely } from 'kysely';
import { v7 } from 'uuid';

const AUTHORITIES: [key: string, fa: string, en: string][] = [
  ['office_head', 'مدیرکل ارتباطات و امور بین‌الملل', 'Head of the International Relations Office'],
  ['deputy_mayor', 'معاون شهردار', 'Deputy Mayor'],
  ['mayor', 'شهردار', 'Mayor'],
  ['city_council', 'شورای اسلامی شهر', 'City Council'],
  ['governorate', 'استانداری', 'Provincial Governorate'],
  ['interior_ministry', 'وزارت کشور', 'Ministry of Interior'],
  ['foreign_ministry', 'وزارت امور خارجه', 'Ministry of Foreign Affairs'],
  ['justification_report', 'گزارش توجیهی شهرداری', 'Municipality justification report'],
  [
    'foreign_ministry_consultation',
    'استعلام از وزارت امور خارجه',
    'Ministry of Foreign Affairs consultation',
  ],
  ['council_bill', 'لایحه شورای اسلامی شهر', 'City-council bill'],
  ['signing_authorisation', 'مجوز امضا', 'Signing authorisation'],
];

const TEMPLATES: [fa: string, en: string, caseKind: string | null, keys: string[]][] = [
  [
    'سفر رسمی خارجی',
    'Official trip abroad',
    'outgoing_delegation',
    [
      'office_head',
      'deputy_mayor',
      'mayor',
      'city_council',
      'governorate',
      'interior_ministry',
      'foreign_ministry',
    ],
  ],
  [
    'خواهرخواندگی جدید',
    'New sister-city relationship',
    'agreement_negotiation',
    [
      'justification_report',
      'interior_ministry',
      'foreign_ministry_consultation',
      'council_bill',
      'signing_authorisation',
    ],
  ],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('approval_authorities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.unique())
    .addColumn('name_fa', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('approval_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name_fa', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('case_kind', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('approval_template_steps')
    .addColumn('template_id', 'text', (c) =>
      c.notNull().references('approval_templates.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('authority_id', 'text', (c) =>
      c.notNull().references('approval_authorities.id').onDelete('restrict'),
    )
    .addPrimaryKeyConstraint('approval_template_steps_pk', ['template_id', 'position'])
    .execute();

  await db.schema
    .createTable('approval_chains')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('restrict'))
    .addColumn('template_id', 'text', (c) => c.references('approval_templates.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('approval_chains_case')
    .on('approval_chains')
    .columns(['case_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('approval_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('chain_id', 'text', (c) => c.notNull().references('approval_chains.id').onDelete('restrict'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('authority_id', 'text', (c) =>
      c.notNull().references('approval_authorities.id').onDelete('restrict'),
    )
    .addColumn('submitted_on', 'text')
    .addColumn('submitted_letter_id', 'text', (c) => c.references('letters.id').onDelete('restrict'))
    .addColumn('decision', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('decided_on', 'text')
    .addColumn('decision_letter_id', 'text', (c) => c.references('letters.id').onDelete('restrict'))
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skip_reason', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('approval_steps_position', ['chain_id', 'position'])
    .execute();
  // Turnaround per authority over decisions in a period; waiting steps per authority.
  await db.schema
    .createIndex('approval_steps_authority_decided')
    .on('approval_steps')
    .columns(['authority_id', 'decided_on'])
    .execute();
  await db.schema
    .createIndex('approval_steps_open')
    .on('approval_steps')
    .columns(['decision', 'skipped', 'submitted_on'])
    .execute();

  // Every decision ever recorded, kept when a returned step is submitted again: the
  // turnaround per authority is computed from this log.
  await db.schema
    .createTable('approval_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('step_id', 'text', (c) => c.notNull().references('approval_steps.id').onDelete('restrict'))
    .addColumn('authority_id', 'text', (c) =>
      c.notNull().references('approval_authorities.id').onDelete('restrict'),
    )
    .addColumn('submitted_on', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('letter_id', 'text', (c) => c.references('letters.id').onDelete('restrict'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('approval_decisions_decided')
    .on('approval_decisions')
    .columns(['decided_on', 'authority_id'])
    .execute();
  await db.schema.createIndex('approval_decisions_step').on('approval_decisions').column('step_id').execute();

  const now = new Date().toISOString();
  const ids = new Map<string, string>();
  for (const [key, fa, en] of AUTHORITIES) {
    const id = v7();
    ids.set(key, id);
    await db
      .insertInto('approval_authorities')
      .values({ id, key, name_fa: fa, name_en: en, archived: 0, created_at: now, updated_at: now })
      .execute();
  }
  for (const [fa, en, caseKind, keys] of TEMPLATES) {
    const id = v7();
    await db
      .insertInto('approval_templates')
      .values({ id, name_fa: fa, name_en: en, case_kind: caseKind, created_at: now, updated_at: now })
      .execute();
    await db
      .insertInto('approval_template_steps')
      .values(keys.map((key, i) => ({ template_id: id, position: i + 1, authority_id: ids.get(key)! })))
      .execute();
  }
}
