/** Adding or editing a colleague, checked with the contract's own schema. */
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { User } from '../../../../shared/api/system.contract';
import { USER_ROLES, contract } from '../../../../shared/api/index';
import { useI18n } from '../../i18n/locale';
import { isolated } from '../../i18n/translate';
import { ApiError, call } from '../../lib/api';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { checkInput, coreFieldErrors, type FieldErrors } from '../../lib/validation';

export function UserForm({
  user,
  suggestedUsername,
  onClose,
}: {
  user?: User;
  suggestedUsername?: string;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t, name } = i18n;
  const [draft, setDraft] = useState({
    username: user?.username ?? suggestedUsername ?? '',
    nameFa: user?.nameFa ?? '',
    nameEn: user?.nameEn ?? '',
    position: user?.position ?? '',
    role: user?.role ?? ('staff' as User['role']),
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const save = async () => {
    const fields = {
      nameFa: draft.nameFa,
      nameEn: draft.nameEn || null,
      position: draft.position || null,
      role: draft.role,
    };
    const checked = user
      ? checkInput(contract['users.update'].input, { id: user.id, ...fields }, i18n)
      : checkInput(contract['users.create'].input, { username: draft.username, ...fields }, i18n);
    if (!checked.ok) return setErrors(checked.errors);
    setSaving(true);
    try {
      const saved = user
        ? await call('users.update', { id: user.id, ...fields })
        : await call('users.create', { username: draft.username, ...fields });
      notifyDone(user ? t('form.saved') : t('users.created', { name: isolated(name(saved)) }));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0)
        setErrors(coreFieldErrors(error.issues, i18n));
      notifyFailure(error, t);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      title={user ? t('users.edit.title', { name: name(user) }) : t('users.new.title')}
      centered
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('users.username')}
            description={t('users.username.hint')}
            required
            dir="ltr"
            disabled={Boolean(user)}
            value={draft.username}
            onChange={(e) => set('username', e.currentTarget.value)}
            error={errors.username}
            data-testid="user-username"
          />
          <TextInput
            label={t('users.nameFa')}
            required
            dir="auto"
            data-autofocus
            value={draft.nameFa}
            onChange={(e) => set('nameFa', e.currentTarget.value)}
            error={errors.nameFa}
            data-testid="user-name-fa"
          />
          <TextInput
            label={t('users.nameEn')}
            dir="auto"
            value={draft.nameEn}
            onChange={(e) => set('nameEn', e.currentTarget.value)}
            error={errors.nameEn}
          />
          <TextInput
            label={t('users.position')}
            dir="auto"
            value={draft.position}
            onChange={(e) => set('position', e.currentTarget.value)}
            error={errors.position}
          />
          <Select
            label={t('users.role')}
            allowDeselect={false}
            value={draft.role}
            onChange={(v) => v && set('role', v as User['role'])}
            data={USER_ROLES.map((r) => ({ value: r, label: t(`users.role.${r}`) }))}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={saving} data-testid="user-save">
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
