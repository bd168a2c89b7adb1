/** The correspondence section: the register, one letter, and the forms to register or edit. */
import type { LetterDirection } from '../../../../shared/api/letters.contract';
import { LETTER_DIRECTIONS } from '../../../../shared/api/letters.contract';
import type { PageProps } from '../../app/pages';
import { useSession } from '../../app/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n/locale';
import { useQuery } from '../../lib/query';
import { draftOf, newDraft, replyDraft } from './letter-draft';
import { letterLabel, letterNumberInText } from './letter-view';
import { LetterDetail } from './LetterDetail';
import { LetterForm } from './LetterForm';
import { LetterList } from './LetterList';

function NewLetter({ direction, caseId }: { direction: LetterDirection; caseId: string | null }) {
  const { t, locale } = useI18n();
  const { today, settings } = useSession();
  const office = locale === 'en' ? settings['office.nameEn'] : settings['office.nameFa'];
  return (
    <LetterForm
      key={direction}
      mode={{ kind: 'create', title: t(`letters.new.${direction}`) }}
      initial={{ ...newDraft(direction, today, office), caseId }}
    />
  );
}

function ReplyLetter({ replyTo }: { replyTo: string }) {
  const { t, locale, name, date } = useI18n();
  const { today } = useSession();
  const original = useQuery('letters.get', { id: replyTo });
  if (original.error) return <ErrorNotice error={original.error} onRetry={original.refresh} />;
  if (!original.data) return <Loading />;
  const letter = original.data;
  const number = letterNumberInText(letter.number, locale);
  return (
    <LetterForm
      key={replyTo}
      mode={{ kind: 'create', title: t('letters.reply.title', { number }) }}
      initial={replyDraft(letter, today, name, letterLabel(letter, { locale, date }))}
    />
  );
}

function EditLetter({ id }: { id: string }) {
  const { locale, name, date } = useI18n();
  const query = useQuery('letters.get', { id });
  if (query.error) return <ErrorNotice error={query.error} onRetry={query.refresh} />;
  if (!query.data) return <Loading />;
  const letter = query.data;
  const initial = draftOf(letter, name, (ref) => letterLabel(ref, { locale, date }));
  return <LetterForm key={id} mode={{ kind: 'edit', letter }} initial={initial} />;
}

export function CorrespondencePage({ route }: PageProps) {
  if (route.id === 'new') {
    const replyTo = route.params?.replyTo;
    if (replyTo) return <ReplyLetter replyTo={replyTo} />;
    const asked = route.params?.direction;
    const direction = (LETTER_DIRECTIONS as readonly string[]).includes(asked ?? '')
      ? (asked as LetterDirection)
      : 'incoming';
    return <NewLetter direction={direction} caseId={route.params?.case ?? null} />;
  }
  if (route.id && route.action === 'edit') return <EditLetter id={route.id} />;
  if (route.id) return <LetterDetail id={route.id} />;
  return <LetterList route={route} />;
}
