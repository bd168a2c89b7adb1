/**
 * The follow-ups of one record (a letter to chase, a case to move, a partner to call): each
 * with who does it and by when, ticked off when done; overdue ones in red, and on the Desk.
 */
import { ActionIcon, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { RecordType } from '../../../../shared/api/attachments.contract';
import type { Task } from '../../../../shared/api/tasks.contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { SectionCard } from '../../components/SectionCard';
import { useI18n } from '../../i18n/locale';
import { isolated } from '../../i18n/translate';
import { call } from '../../lib/api';
import { notifyDone, notifyFailure } from '../../lib/notify';
import { useQuery } from '../../lib/query';
import { TaskDialog } from './TaskDialog';

export function TasksCard({ ownerType, ownerId }: { ownerType: RecordType; ownerId: string }) {
  const { t, date, name } = useI18n();
  const tasks = useQuery(
    'tasks.list',
    { ownerType, ownerId, sort: 'dueDate', direction: 'asc', limit: 100 },
    { entities: ['task'] },
  );
  const users = useQuery('users.list', {}, { entities: ['user'] });
  const [editing, setEditing] = useState<Task | 'new' | null>(null);
  const data = tasks.data ?? tasks.previous;
  const userName = (id: string | null) => {
    const user = id ? users.data?.find((u) => u.id === id) : undefined;
    return user ? name(user) : null;
  };

  const toggle = async (task: Task) => {
    try {
      await call('tasks.complete', { id: task.id, done: !task.done });
      notifyDone(t(task.done ? 'tasks.reopened' : 'tasks.done', { title: isolated(task.title) }));
    } catch (error) {
      notifyFailure(error, t);
    }
  };

  const open = data?.items.filter((task) => !task.done).length ?? 0;
  return (
    <SectionCard
      title={data && data.total > 0 ? t('tasks.title.count', { open, total: data.total }) : t('tasks.title')}
      testId="tasks"
      actions={
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => setEditing('new')}
          data-testid="task-add"
        >
          {t('tasks.add')}
        </Button>
      }
    >
      {tasks.error ? (
        <ErrorNotice error={tasks.error} onRetry={tasks.refresh} />
      ) : !data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('tasks.empty')}
        </Text>
      ) : (
        <Stack gap="sm">
          {data.items.map((task) => {
            const assignee = userName(task.assigneeId);
            const meta = [
              task.dueDate &&
                (task.overdue
                  ? t('tasks.overdueSince', { date: date(task.dueDate, 'short') })
                  : t('tasks.dueBy', { date: date(task.dueDate, 'short') })),
              assignee,
              task.done &&
                task.doneAt &&
                t('tasks.doneOn', { date: date(task.doneAt.slice(0, 10), 'short') }),
            ].filter(Boolean);
            return (
              <Group key={task.id} gap="xs" wrap="nowrap" align="flex-start" data-testid="task-item">
                <Checkbox
                  mt={2}
                  checked={task.done}
                  onChange={() => void toggle(task)}
                  aria-label={t(task.done ? 'tasks.action.reopen' : 'tasks.action.done', {
                    title: task.title,
                  })}
                  data-testid="task-done"
                />
                <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                  <Text
                    size="sm"
                    td={task.done ? 'line-through' : undefined}
                    c={task.done ? 'dimmed' : undefined}
                  >
                    <bdi dir="auto">{task.title}</bdi>
                  </Text>
                  {meta.length > 0 && (
                    <Text size="xs" c={task.overdue ? 'red.8' : 'dimmed'} data-testid="task-meta">
                      {meta.join(' · ')}
                    </Text>
                  )}
                  {task.notes && (
                    <Text size="xs" c="dimmed" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                      {task.notes}
                    </Text>
                  )}
                </Stack>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('tasks.action.edit', { title: task.title })}
                  onClick={() => setEditing(task)}
                >
                  <IconPencil size={16} aria-hidden />
                </ActionIcon>
              </Group>
            );
          })}
        </Stack>
      )}
      {editing && (
        <TaskDialog
          ownerType={ownerType}
          ownerId={ownerId}
          {...(editing !== 'new' && { existing: editing })}
          onClose={() => setEditing(null)}
        />
      )}
    </SectionCard>
  );
}
