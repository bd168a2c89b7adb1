/** One partner: names, place, people, relationships, letters, cases, files and history. */
import { Anchor, Badge, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { navigate, routeHref } from '../../app/routes';
import { hasMethod } from '../../app/sections';
import { AttachmentsPanel } from '../../components/AttachmentsPanel';
import { ExportButton } from '../../components/ExportButton';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Facts } from '../../components/Facts';
import { HistoryTimeline } from '../../components/HistoryTimeline';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/locale';
import { isolated } from '../../i18n/translate';
import { call } from '../../lib/api';
import { languageName } from '../../lib/languages';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { useQuery } from '../../lib/query';
import { KIND_COLORS, countryLabel, partnerLabel } from './partner-view';
import { PartnerCases, PartnerContacts, PartnerLetters, PartnerRelationships } from './PartnerLinks';
import { TasksCard } from '../tasks/TasksCard';

export function PartnerDetail({ id, openContact }: { id: string; openContact?: string }) {
  const i18n = useI18n();
  const { t, name, locale, number } = i18n;
  const query = useQuery('partners.get', { id }, { entities: ['partner'] });
  const children = useQuery('partners.list', { parentId: id, limit: 100 }, { entities: ['partner'] });
  const [archiving, setArchiving] = useState(false);
  if (query.error) return <ErrorNotice error={query.error} onRetry={query.refresh} />;
  const partner = query.data ?? (query.previous?.id === id ? query.previous : undefined);
  if (!partner) return <Loading />;

  const toggleArchive = async () => {
    try {
      if (partner.archived) {
        await call('partners.restore', { id });
        notifyDone(t('partners.restored', { name: isolated(name(partner)) }));
      } else {
        await call('partners.archive', { id });
        notifyDone(t('partners.archived', { name: isolated(name(partner)) }));
      }
      setArchiving(false);
    } catch (error) {
      notifyFailure(error, t);
    }
  };

  const other = locale === 'en' ? partner.nameFa : partner.nameEn;
  return (
    <Stack gap="lg">
      <PageHeader
        title={<bdi dir="auto">{name(partner)}</bdi>}
        subtitle={
          <Group gap="xs" component="span">
            {other && <bdi dir="auto">{other}</bdi>}
            {partner.nameNative && <bdi dir="auto">· {partner.nameNative}</bdi>}
            <Badge variant="light" color={KIND_COLORS[partner.kind]}>
              {partner.orgType
                ? t(`partners.orgType.${partner.orgType}`)
                : t(`partners.kind.${partner.kind}`)}
            </Badge>
            {partner.own && (
              <Badge color="orange" variant="light">
                {t('partners.own')}
              </Badge>
            )}
            {partner.archived && <Badge color="gray">{t('partners.archivedBadge')}</Badge>}
          </Group>
        }
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconPencil size={18} aria-hidden />}
              onClick={() => navigate({ section: 'partners', id, action: 'edit' })}
            >
              {t('action.edit')}
            </Button>
            <Button
              variant="subtle"
              color={partner.archived ? undefined : 'red'}
              leftSection={
                partner.archived ? (
                  <IconArchiveOff size={18} aria-hidden />
                ) : (
                  <IconArchive size={18} aria-hidden />
                )
              }
              onClick={() => (partner.archived ? void toggleArchive() : setArchiving(true))}
            >
              {partner.archived ? t('action.restore') : t('action.archive')}
            </Button>
            {hasMethod('documents.export') && <ExportButton kind="partnerBriefing" id={id} />}
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <SectionCard title={t('partners.section.identity')}>
              <Facts
                facts={[
                  { label: t('partners.field.nameFa'), value: <bdi dir="auto">{partner.nameFa}</bdi> },
                  partner.nameEn !== null && {
                    label: t('partners.field.nameEn'),
                    value: <bdi dir="auto">{partner.nameEn}</bdi>,
                  },
                  partner.nameNative !== null && {
                    label: t('partners.field.nameNative'),
                    value: <bdi dir="auto">{partner.nameNative}</bdi>,
                  },
                  partner.nativeLanguage !== null && {
                    label: t('partners.field.nativeLanguage'),
                    value: languageName(partner.nativeLanguage, locale),
                  },
                  partner.country !== null && {
                    label: t('partners.field.country'),
                    value: countryLabel(partner.country, locale),
                  },
                  partner.latitude !== null &&
                    partner.longitude !== null && {
                      label: t('partners.field.coordinates'),
                      value: `${number(partner.latitude)}${locale === 'fa' ? '، ' : ', '}${number(partner.longitude)}`,
                      testId: 'partner-coordinates',
                    },
                  partner.parent && {
                    label: t('partners.field.parent'),
                    value: (
                      <Anchor href={routeHref({ section: 'partners', id: partner.parent.id })}>
                        {partnerLabel(partner.parent, i18n)}
                      </Anchor>
                    ),
                  },
                  partner.website !== null && {
                    label: t('partners.field.website'),
                    value: <bdi dir="ltr">{partner.website}</bdi>,
                  },
                ]}
              />
              {partner.notes && (
                <Text size="sm" mt="lg" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                  {partner.notes}
                </Text>
              )}
            </SectionCard>
            <PartnerRelationships partner={partner} />
            <PartnerLetters partner={partner} />
            <TasksCard ownerType="partner" ownerId={id} />
            <SectionCard title={t('attachments.title')}>
              <AttachmentsPanel ownerType="partner" ownerId={id} />
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <PartnerContacts partner={partner} {...(openContact ? { openContact } : {})} />
            {children.data && children.data.items.length > 0 && (
              <SectionCard title={t('partners.section.children')}>
                <Stack gap={4}>
                  {children.data.items.map((c) => (
                    <Anchor key={c.id} href={routeHref({ section: 'partners', id: c.id })} size="sm">
                      <bdi dir="auto">{name(c)}</bdi>
                    </Anchor>
                  ))}
                </Stack>
              </SectionCard>
            )}
            <PartnerCases partner={partner} />
            <SectionCard title={t('letters.section.history')}>
              <HistoryTimeline entity="partner" entityId={id} />
            </SectionCard>
          </Stack>
        </Grid.Col>
      </Grid>
      <ConfirmDialog
        opened={archiving}
        title={t('partners.archive.title')}
        body={t('partners.archive.body', { name: name(partner) })}
        confirmLabel={t('action.archive')}
        danger
        onConfirm={() => void toggleArchive()}
        onClose={() => setArchiving(false)}
      />
    </Stack>
  );
}
