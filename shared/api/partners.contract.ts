/**
 * Partners: foreign and Iranian cities, their neighbourhoods and districts, and
 * organisations (ministries, embassies, networks, universities). The office's own city and
 * its neighbourhoods are partners too, flagged `own`: they are the units that hold
 * relationships.
 */
import { z } from 'zod';
import { isCountryCode } from '../geo/countries';
import { method } from './define';
import {
  LIMITS,
  byId,
  id,
  isoTimestamp,
  optionalText,
  page,
  paging,
  requiredText,
  sortDirection,
  text,
} from './schema';

export const PARTNER_KINDS = ['city', 'district', 'organisation'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** What kind of organisation a partner of kind `organisation` is. */
export const ORGANISATION_TYPES = [
  'ministry',
  'embassy',
  'international_organisation',
  'university',
  'company',
  'ngo',
  'other',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** Which records a list shows: only those in use (the default), only archived ones, or all. */
export const ARCHIVE_FILTERS = ['active', 'archived', 'all'] as const;
export type ArchiveFilter = (typeof ARCHIVE_FILTERS)[number];

/** `name` sorts by the Persian name in Persian alphabetical order. */
export const PARTNER_SORT_FIELDS = ['name', 'nameEn', 'country', 'kind', 'createdAt', 'updatedAt'] as const;
export type PartnerSortField = (typeof PARTNER_SORT_FIELDS)[number];

/** An ISO 3166-1 alpha-2 code in upper case, one of shared/geo/countries.ts. */
export const countryCode = z
  .string()
  .max(2)
  .refine(isCountryCode, { message: 'not a country code (ISO 3166, two capital letters, e.g. FR)' });

/** A BCP 47 language tag such as fa, en, fr, ru, zh-Hans. */
export const spokenLanguageTag = z
  .string()
  .max(35)
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { message: 'not a language tag (e.g. fa, en, ru)' });

export const latitude = z.number().min(-90).max(90);
export const longitude = z.number().min(-180).max(180);

/** A partner as other records show it: enough to name and open it. */
export const partnerRef = z.object({
  id,
  kind: z.enum(PARTNER_KINDS),
  nameFa: z.string(),
  nameEn: z.string().nullable(),
  country: z.string().nullable(),
  own: z.boolean(),
  archived: z.boolean(),
});
export type PartnerRef = z.infer<typeof partnerRef>;

export const partner = z.object({
  id,
  kind: z.enum(PARTNER_KINDS),
  /** Set for organisations only. */
  orgType: z.enum(ORGANISATION_TYPES).nullable(),
  nameFa: z.string(),
  nameEn: z.string().nullable(),
  /** The name in the partner's own language and script (Xi'an → 西安). */
  nameNative: z.string().nullable(),
  nativeLanguage: z.string().nullable(),
  country: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /** The city of a neighbourhood, the ministry of a department. */
  parent: partnerRef.nullable(),
  website: z.string().nullable(),
  notes: z.string().nullable(),
  own: z.boolean(),
  archived: z.boolean(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type Partner = z.infer<typeof partner>;

const partnerFields = {
  kind: z.enum(PARTNER_KINDS),
  /** For organisations only; refused for cities and districts. */
  orgType: z.enum(ORGANISATION_TYPES).nullable().optional(),
  nameFa: requiredText(LIMITS.name),
  nameEn: optionalText(LIMITS.name),
  nameNative: optionalText(LIMITS.name),
  nativeLanguage: spokenLanguageTag.nullable().optional(),
  country: countryCode.nullable().optional(),
  /** Latitude and longitude come together or not at all. */
  latitude: latitude.nullable().optional(),
  longitude: longitude.nullable().optional(),
  parentId: id.nullable().optional(),
  website: optionalText(2_000),
  notes: optionalText(LIMITS.text),
};

export const partnerCreateInput = z.strictObject({
  ...partnerFields,
  /** The office's own city or one of its neighbourhoods. */
  own: z.boolean().default(false),
});
export type PartnerCreateInput = z.input<typeof partnerCreateInput>;

/** Fields left out stay as they are; null clears a field. */
export const partnerUpdateInput = z.strictObject({
  id,
  ...partnerFields,
  kind: partnerFields.kind.optional(),
  nameFa: partnerFields.nameFa.optional(),
  own: z.boolean().optional(),
});
export type PartnerUpdateInput = z.input<typeof partnerUpdateInput>;

export const partnerListInput = z.strictObject({
  kind: z.enum(PARTNER_KINDS).optional(),
  orgType: z.enum(ORGANISATION_TYPES).optional(),
  country: countryCode.optional(),
  own: z.boolean().optional(),
  /** The neighbourhoods of a city, the departments of a ministry. */
  parentId: id.optional(),
  archived: z.enum(ARCHIVE_FILTERS).default('active'),
  /** Words of any name, the notes or the country's name; Persian spelling variants match. */
  text: text(200).optional(),
  sort: z
    .strictObject({ field: z.enum(PARTNER_SORT_FIELDS), direction: sortDirection })
    .default({ field: 'name', direction: 'asc' }),
  ...paging,
});
export type PartnerListInput = z.input<typeof partnerListInput>;

export const partnersContract = {
  'partners.create': method({
    kind: 'mutation',
    input: partnerCreateInput,
    output: partner,
    doc: 'Adds a city, neighbourhood or organisation; the parent must exist and the country be an ISO code.',
  }),
  'partners.update': method({
    kind: 'mutation',
    input: partnerUpdateInput,
    output: partner,
    doc: 'Changes a partner; a parent that would make the partner its own ancestor is refused.',
  }),
  'partners.get': method({
    kind: 'query',
    input: byId,
    output: partner,
    doc: 'One partner with its parent.',
  }),
  'partners.list': method({
    kind: 'query',
    input: partnerListInput,
    output: page(partner),
    doc: 'Partners filtered by kind, country, own, parent, archive state and text; sorted and paged, with the total.',
  }),
  'partners.archive': method({
    kind: 'mutation',
    input: byId,
    output: partner,
    doc: 'Hides a partner from everyday lists; it keeps its history and can get no new relationships.',
  }),
  'partners.restore': method({
    kind: 'mutation',
    input: byId,
    output: partner,
    doc: 'Brings an archived partner back into everyday lists.',
  }),
} as const;
