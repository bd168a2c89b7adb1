/** How partners are named, coloured and placed on every screen. */
import type { PartnerKind, PartnerRef } from '../../../../shared/api/partners.contract';
import type { RelationshipType } from '../../../../shared/api/relationships.contract';
import { COUNTRIES, countryName } from '../../../../shared/geo/countries';
import type { I18n } from '../../i18n/locale';

export const KIND_COLORS: Record<PartnerKind, string> = {
  city: 'desk',
  district: 'cyan',
  organisation: 'violet',
};

/** Relationship types on the map and in lists; distinguishable for colour-blind readers too. */
export const RELATIONSHIP_COLORS: Record<RelationshipType, string> = {
  sister_city: '#c2255c',
  friendship_city: '#e8590c',
  neighbourhood_pact: '#2f9e44',
  cooperation_agreement: '#1971c2',
  network_membership: '#7048e8',
};

export function countryLabel(code: string | null, locale: I18n['locale']): string {
  return code ? countryName(code, locale) : '';
}

/** Countries for a picker, sorted in the user's language. */
export function countryOptions(locale: I18n['locale']) {
  const collator = new Intl.Collator(locale === 'fa' ? 'fa' : 'en');
  return COUNTRIES.map((c) => ({ value: c.code, label: locale === 'fa' ? c.fa : c.en })).sort((a, b) =>
    collator.compare(a.label, b.label),
  );
}

/** A partner's name with its country, as pickers and links show it. */
export function partnerLabel(partner: PartnerRef, i18n: Pick<I18n, 'name' | 'locale'>): string {
  const country = partner.country ? countryName(partner.country, i18n.locale) : '';
  return country ? `${i18n.name(partner)} (${country})` : i18n.name(partner);
}
