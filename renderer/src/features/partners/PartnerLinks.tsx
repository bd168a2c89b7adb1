/** What a partner is linked to: its people, relationships, letters and cases. */
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Partner } from '../../../../shared/api/partners.contract';
import { navigate, replaceRoute, routeHref } from '../../app/routes';
import { hasMethod } from '../../app/sections';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/locale';
import { useQuery } from '../../lib/query';
import { DIRECTION_COLORS, counterpart, letterNumber } from '../correspondence/letter-view';
import { NoActivityNote } from '../relationships/NoActivityNote';
import { ContactDrawer } from './ContactDrawer';
import { ContactForm } from './ContactForm';
import { RELATIONSHIP_COLORS, partnerLabel } from './partner-view';

export function PartnerContacts({ partner, openContact }: { partner: Partner; openContact?: string }) {
  const i18n = useI18n();
  const { t, name } = i18n;
  const contacts = useQuery(
    'contacts.list',
    { partnerId: partner.id, limit: 100 },
    { entities: ['contact'] },
  );
  const [adding, setAdding] = useState(false);
  const open = (id: string | null) =>
    replaceRoute({ section: 'partners', id: partner.id, ...(id ? { params: { contact: id } } : {}) });
  const data = contacts.data ?? contacts.previous;
  return (
    <SectionCard
      title={t('partners.section.contacts')}
      actions={
        <Button
          size="xs"
          variant="light"
          leftSection={<IconUserPlus size={14} aria-hidden />}
          onClick={() => setAdding(true)}
        >
          {t('contacts.new')}
        </Button>
      }
    >
      {contacts.error ? (
        <ErrorNotice error={contacts.error} onRetry={contacts.refresh} />
      ) : !data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('contacts.none')}
        </Text>
      ) : (
        <Stack gap="xs" data-testid="partner-contacts">
          {data.items.map((c) => (
            <Group key={c.id} justify="space-between" wrap="nowrap">
              <Anchor component="button" type="button" size="sm" onClick={() => open(c.id)}>
                <bdi dir="auto">{[c.title, name(c)].filter(Boolean).join(' ')}</bdi>
              </Anchor>
              <Text size="xs" c="dimmed" dir="auto" truncate="end">
                {c.position}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      {adding && (
        <ContactForm
          partner={{ id: partner.id, label: partnerLabel(partner, i18n) }}
          onClose={() => setAdding(false)}
        />
      )}
      {openContact && <ContactDrawer id={openContact} onClose={() => open(null)} />}
    </SectionCard>
  );
}

export function PartnerRelationships({ partner }: { partner: Partner }) {
  const { t, name, date } = useI18n();
  const input = hasMethod('relationships.list')
    ? partner.own
      ? { ownUnitId: partner.id, limit: 100 }
      : { partnerId: partner.id, limit: 100 }
    : null;
  const relationships = useQuery('relationships.list', input, { entities: ['relationship'] });
  const data = relationships.data ?? relationships.previous;
  return (
    <SectionCard
      title={t('partners.section.relationships')}
      actions={
        !partner.own && !partner.archived ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => navigate({ section: 'relationships', id: 'new', params: { partner: partner.id } })}
          >
            {t('relationships.new')}
          </Button>
        ) : undefined
      }
    >
      {relationships.error ? (
        <ErrorNotice error={relationships.error} onRetry={relationships.refresh} />
      ) : !data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('partners.relationships.none')}
        </Text>
      ) : (
        <Stack gap="sm" data-testid="partner-relationships">
          {data.items.map((r) => (
            <Stack gap={2} key={r.id}>
              <Group gap="xs">
                <Badge size="sm" variant="dot" color={RELATIONSHIP_COLORS[r.type]}>
                  {t(`relationships.type.${r.type}`)}
                </Badge>
                <Anchor href={routeHref({ section: 'relationships', id: r.id })} size="sm">
                  <bdi dir="auto">{name(partner.own ? r.partner : r.ownUnit)}</bdi>
                </Anchor>
                {r.dormant && <NoActivityNote size="xs" />}
              </Group>
              <Text size="xs" c="dimmed">
                {t(`relationships.status.${r.status}`)}
                {r.establishedOn ? ` · ${date(r.establishedOn, 'short')}` : ''}
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}

export function PartnerLetters({ partner }: { partner: Partner }) {
  const i18n = useI18n();
  const { t, date, locale } = i18n;
  const letters = useQuery('letters.list', { partnerId: partner.id, limit: 8 }, { entities: ['letter'] });
  const data = letters.data ?? letters.previous;
  return (
    <SectionCard
      title={t('partners.section.letters')}
      actions={
        data && data.total > data.items.length ? (
          <Text size="xs" c="dimmed">
            {t('list.countOf', { shown: data.items.length, n: data.total })}
          </Text>
        ) : undefined
      }
    >
      {letters.error ? (
        <ErrorNotice error={letters.error} onRetry={letters.refresh} />
      ) : !data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('partners.letters.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          {data.items.map((l) => (
            <Group key={l.id} gap="xs" wrap="nowrap">
              <Badge size="xs" variant="light" color={DIRECTION_COLORS[l.direction]}>
                {t(`letters.direction.${l.direction}`)}
              </Badge>
              <Anchor href={routeHref({ section: 'correspondence', id: l.id })} size="sm" truncate="end">
                <bdi dir="auto">{letterNumber(l.number, locale)}</bdi> · <bdi dir="auto">{l.subject}</bdi>
              </Anchor>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} title={counterpart(l, i18n)}>
                {date(l.letterDate, 'short')}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}

export function PartnerCases({ partner }: { partner: Partner }) {
  const { t, date } = useI18n();
  const cases = useQuery(
    'cases.list',
    hasMethod('cases.list') ? { partnerId: partner.id, limit: 20 } : null,
    {
      entities: ['case'],
    },
  );
  const data = cases.data ?? cases.previous;
  return (
    <SectionCard title={t('partners.section.cases')}>
      {cases.error ? (
        <ErrorNotice error={cases.error} onRetry={cases.refresh} />
      ) : !data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('partners.cases.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          {data.items.map((c) => (
            <Group key={c.id} justify="space-between" wrap="nowrap">
              <Anchor href={routeHref({ section: 'cases', id: c.id })} size="sm" truncate="end">
                <bdi dir="auto">{c.title}</bdi>
              </Anchor>
              <Text size="xs" c={c.overdue ? 'red' : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                {c.dueOn ? date(c.dueOn, 'short') : ''}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}
