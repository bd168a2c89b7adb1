/** The staff who use this desk: add, edit, deactivate. */
import { Badge, Button, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { User } from '../../../../shared/api/system.contract';
import { useSession } from '../../app/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n/locale';
import { call } from '../../lib/api';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { useQuery } from '../../lib/query';
import { UserForm } from './UserForm';

export function UsersPanel() {
  const { t, name } = useI18n();
  const { me, info } = useSession();
  const [showInactive, setShowInactive] = useState(false);
  const users = useQuery('users.list', { includeInactive: showInactive }, { entities: ['user'] });
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [deactivating, setDeactivating] = useState<User | null>(null);

  const setActive = async (user: User, active: boolean) => {
    try {
      await call('users.update', { id: user.id, active });
      notifyDone(t('form.saved'));
      setDeactivating(null);
    } catch (error) {
      notifyFailure(error, t);
    }
  };

  if (users.error) return <ErrorNotice error={users.error} onRetry={users.refresh} />;
  const list = users.data ?? users.previous;
  if (!list) return <Loading />;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Switch
          label={t('users.showInactive')}
          checked={showInactive}
          onChange={(e) => setShowInactive(e.currentTarget.checked)}
        />
        <Button
          leftSection={<IconUserPlus size={16} aria-hidden />}
          onClick={() => setEditing('new')}
          data-testid="user-new"
        >
          {t('users.new')}
        </Button>
      </Group>
      {list.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('users.empty')}
        </Text>
      ) : (
        <Table highlightOnHover verticalSpacing="sm" data-testid="users-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.nameFa')}</Table.Th>
              <Table.Th>{t('users.username')}</Table.Th>
              <Table.Th>{t('users.position')}</Table.Th>
              <Table.Th>{t('users.role')}</Table.Th>
              <Table.Th aria-label={t('action.edit')} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>
                  <Group gap={6}>
                    <bdi dir="auto">{name(user)}</bdi>
                    {user.id === me?.id && <Badge size="xs">{t('users.me')}</Badge>}
                    {!user.active && (
                      <Badge size="xs" color="gray">
                        {t('users.inactive')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <bdi dir="ltr">{user.username}</bdi>
                </Table.Td>
                <Table.Td>
                  <bdi dir="auto">{user.position ?? ''}</bdi>
                </Table.Td>
                <Table.Td>{t(`users.role.${user.role}`)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button size="xs" variant="subtle" onClick={() => setEditing(user)}>
                      {t('action.edit')}
                    </Button>
                    {user.active ? (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        disabled={user.id === me?.id}
                        onClick={() => setDeactivating(user)}
                      >
                        {t('users.deactivate')}
                      </Button>
                    ) : (
                      <Button size="xs" variant="subtle" onClick={() => void setActive(user, true)}>
                        {t('users.activate')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && (
        <UserForm
          {...(editing !== 'new' && { user: editing })}
          {...(editing === 'new' && !me && { suggestedUsername: info.actor })}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        opened={deactivating !== null}
        title={t('users.deactivate.title')}
        body={t('users.deactivate.body', { name: deactivating ? name(deactivating) : '' })}
        confirmLabel={t('users.deactivate')}
        danger
        onConfirm={() => deactivating && void setActive(deactivating, false)}
        onClose={() => setDeactivating(null)}
      />
    </Stack>
  );
}
