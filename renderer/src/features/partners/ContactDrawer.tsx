/** One person: how to reach them, where they work, their history; edit or archive. */
import { Anchor, Badge, Button, Drawer, Group, Stack, Text } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { routeHref } from '../../app/routes';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Facts } from '../../components/Facts';
import { HistoryTimeline } from '../../components/HistoryTimeline';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n/locale';
import { isolated } from '../../i18n/translate';
import { call } from '../../lib/api';
import { languageName } from '../../lib/languages';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { useQuery } from '../../lib/query';
import { ContactForm } from './ContactForm';
import { partnerLabel } from './partner-view';

export function ContactDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const i18n = useI18n();
  const { t, name, locale } = i18n;
  const query = useQuery('contacts.get', { id }, { entities: ['contact'] });
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const contact = query.data;

  const toggleArchive = async () => {
    if (!contact) return;
    try {
      if (contact.archived) {
        await call('contacts.restore', { id });
        notifyDone(t('contacts.restored', { name: isolated(name(contact)) }));
      } else {
        await call('contacts.archive', { id });
        notifyDone(t('contacts.archived', { name: isolated(name(contact)) }));
      }
      setArchiving(false);
    } catch (error) {
      notifyFailure(error, t);
    }
  };

  return (
    <Drawer
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      position={i18n.dir === 'rtl' ? 'left' : 'right'}
      size="md"
      title={contact ? <bdi dir="auto">{name(contact)}</bdi> : ''}
    >
      {query.error ? (
        <ErrorNotice error={query.error} onRetry={query.refresh} />
      ) : !contact ? (
        <Loading />
      ) : (
        <Stack gap="lg">
          <Group gap="xs">
            {contact.title && <Badge variant="light">{contact.title}</Badge>}
            {contact.archived && <Badge color="gray">{t('partners.archivedBadge')}</Badge>}
          </Group>
          <Facts
            cols={1}
            facts={[
              { label: t('contacts.field.nameFa'), value: <bdi dir="auto">{contact.nameFa}</bdi> },
              contact.nameEn !== null && {
                label: t('contacts.field.nameEn'),
                value: <bdi dir="auto">{contact.nameEn}</bdi>,
              },
              contact.position !== null && {
                label: t('contacts.field.position'),
                value: <bdi dir="auto">{contact.position}</bdi>,
              },
              contact.partner && {
                label: t('contacts.field.partner'),
                value: (
                  <Anchor href={routeHref({ section: 'partners', id: contact.partner.id })}>
                    {partnerLabel(contact.partner, i18n)}
                  </Anchor>
                ),
              },
              contact.emails.length > 0 && {
                label: t('contacts.field.emails'),
                value: <bdi dir="ltr">{contact.emails.join(' · ')}</bdi>,
              },
              contact.phones.length > 0 && {
                label: t('contacts.field.phones'),
                value: <bdi dir="ltr">{contact.phones.join(' · ')}</bdi>,
              },
              contact.languages.length > 0 && {
                label: t('contacts.field.languages'),
                value: contact.languages
                  .map((l) => languageName(l, locale))
                  .join(locale === 'fa' ? '، ' : ', '),
              },
            ]}
          />
          {contact.notes && (
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
              {contact.notes}
            </Text>
          )}
          <Group>
            <Button
              variant="light"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              {t('action.edit')}
            </Button>
            <Button
              variant="subtle"
              color={contact.archived ? undefined : 'red'}
              leftSection={
                contact.archived ? (
                  <IconArchiveOff size={16} aria-hidden />
                ) : (
                  <IconArchive size={16} aria-hidden />
                )
              }
              onClick={() => (contact.archived ? void toggleArchive() : setArchiving(true))}
            >
              {contact.archived ? t('action.restore') : t('action.archive')}
            </Button>
          </Group>
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('letters.section.history')}
            </Text>
            <HistoryTimeline entity="contact" entityId={id} />
          </Stack>
          {editing && <ContactForm contact={contact} onClose={() => setEditing(false)} />}
          <ConfirmDialog
            opened={archiving}
            title={t('contacts.archive.title')}
            body={t('contacts.archive.body', { name: name(contact) })}
            confirmLabel={t('action.archive')}
            danger
            onConfirm={() => void toggleArchive()}
            onClose={() => setArchiving(false)}
          />
        </Stack>
      )}
    </Drawer>
  );
}
