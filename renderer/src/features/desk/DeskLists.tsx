/** The Desk's lists: what is overdue, awaited, referred, waiting, expiring, coming, dormant. */
import { SimpleGrid, Stack } from '@mantine/core';
import type { DeskOverview } from '../../../../shared/api/overview.contract';
import { routeHref } from '../../app/routes';
import { hasMethod } from '../../app/sections';
import { useI18n } from '../../i18n/locale';
import { useQuery } from '../../lib/query';
import { counterpart, letterNumber } from '../correspondence/letter-view';
import { AttentionCard, type AttentionItem } from './AttentionCard';
import { APPROVALS_WAITING, DESK_LIST_LIMIT as LIMIT, upcomingEventsInput } from './desk-queries';

/** Relationships gone quiet, longest silent first (from the overview). */
export function DormantRelationships({ dormant }: { dormant: DeskOverview['dormantRelationships'] }) {
  const { t, date, name } = useI18n();
  return (
    <AttentionCard
      title={t('desk.dormant.title')}
      testId="desk-dormant"
      items={dormant.items.slice(0, LIMIT).map((r) => ({
        key: r.id,
        href: routeHref({ section: 'relationships', id: r.id }),
        title: `${t(`relationships.type.${r.type}`)}: ${t('relationships.between', { own: name(r.ownUnit), partner: name(r.partner) })}`,
        meta: r.lastActivity
          ? t('desk.dormant.last', { date: date(r.lastActivity, 'long') })
          : t('desk.dormant.never'),
      }))}
      total={dormant.total}
      allHref={routeHref({ section: 'relationships', params: { dormant: '1' } })}
      empty={t('desk.dormant.empty')}
    />
  );
}

export function DeskLists({ overview, today }: { overview: DeskOverview; today: string }) {
  const i18n = useI18n();
  const { t, date, locale, name } = i18n;
  const waiting = useQuery('approvals.waiting', hasMethod('approvals.waiting') ? APPROVALS_WAITING : null, {
    entities: ['approval_chain'],
  });
  const events = useQuery('events.list', hasMethod('events.list') ? upcomingEventsInput(today) : null, {
    entities: ['event'],
  });

  const letterItem = (
    l: DeskOverview['referralsToMe']['items'][number],
    meta: string,
    tone?: 'red',
  ): AttentionItem => ({
    key: l.id,
    href: routeHref({ section: 'correspondence', id: l.id }),
    title: l.subject,
    meta: (
      <>
        <bdi dir="auto">{letterNumber(l.number, locale)}</bdi> · <bdi dir="auto">{counterpart(l, i18n)}</bdi>{' '}
        · {meta}
      </>
    ),
    ...(tone && { tone }),
  });

  const overdue: AttentionItem[] = [
    ...overview.lettersAwaitingReplyOverdue.items.map((l) =>
      letterItem(
        l,
        t('letters.followUp.due', { date: date(l.followUpDate ?? l.letterDate, 'short') }),
        'red',
      ),
    ),
    ...overview.myOverdueTasks.items.map((task) => ({
      key: task.id,
      href:
        task.ownerType === 'letter' && task.ownerId
          ? routeHref({ section: 'correspondence', id: task.ownerId })
          : task.ownerType === 'case' && task.ownerId
            ? routeHref({ section: 'cases', id: task.ownerId })
            : routeHref({ section: 'desk' }),
      title: t('desk.overdue.task', { title: task.title }),
      meta: task.dueDate ? t('desk.overdue.since', { date: date(task.dueDate, 'short') }) : '',
      tone: 'red' as const,
    })),
  ];

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <AttentionCard
          title={t('desk.overdue.title')}
          testId="desk-overdue"
          items={overdue}
          total={overview.lettersAwaitingReplyOverdue.total + overview.myOverdueTasks.total}
          empty={t('desk.overdue.empty')}
        />
        <AttentionCard
          title={t('desk.awaiting.title')}
          testId="desk-awaiting"
          items={overview.awaitingReply.items.map((l) => letterItem(l, date(l.letterDate, 'short')))}
          total={overview.awaitingReply.total}
          allHref={routeHref({
            section: 'correspondence',
            params: { state: 'awaiting_reply', sort: 'letterDate', dir: 'asc' },
          })}
          empty={t('desk.awaiting.empty')}
        />
        <AttentionCard
          title={t('desk.referrals.title')}
          testId="desk-referrals"
          items={overview.referralsToMe.items.map((l) =>
            letterItem(l, l.currentReferral?.instruction ?? date(l.letterDate, 'short')),
          )}
          total={overview.referralsToMe.total}
          {...(overview.me && { allHref: routeHref({ section: 'correspondence', params: { mine: '1' } }) })}
          empty={overview.me ? t('desk.referrals.empty') : t('desk.referrals.notRegistered')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2, lg: 4 }} spacing="lg">
        {hasMethod('approvals.waiting') && (
          <AttentionCard
            title={t('desk.approvals.title')}
            testId="desk-approvals"
            items={waiting.data?.map((w) => ({
              key: w.stepId,
              href: routeHref({ section: 'cases', id: w.caseId }),
              title: w.caseTitle,
              meta: `${locale === 'en' ? w.authorityNameEn : w.authorityNameFa} · ${t('desk.approvals.days', { n: w.daysWaiting })}`,
              ...(w.daysWaiting > 30 && { tone: 'orange' as const }),
            }))}
            empty={t('desk.approvals.empty')}
          />
        )}
        <AttentionCard
          title={t('desk.agreements.title')}
          testId="desk-agreements"
          items={overview.agreementsExpiring.items.map((a) => ({
            key: a.id,
            href: routeHref({ section: 'agreements', id: a.id }),
            title: a.title,
            meta: a.expiryDate ? t('desk.agreements.expires', { date: date(a.expiryDate, 'long') }) : '',
            tone: 'orange' as const,
          }))}
          total={overview.agreementsExpiring.total}
          empty={t('desk.agreements.empty')}
        />
        {hasMethod('events.list') && (
          <AttentionCard
            title={t('desk.events.title')}
            testId="desk-events"
            items={events.data?.items.map((e) => ({
              key: e.id,
              href: routeHref({ section: 'events', id: e.id }),
              title: e.title,
              meta: `${date(e.startDate, 'weekday')}${e.host ? ` · ${name(e.host)}` : ''}`,
            }))}
            total={events.data?.total ?? 0}
            empty={t('desk.events.empty')}
          />
        )}
        <DormantRelationships dormant={overview.dormantRelationships} />
      </SimpleGrid>
    </Stack>
  );
}
