/**
 * A relationship with no activity for longer than the office's setting. This is not its
 * status — an active sister city can have gone quiet — so it never says "Dormant" beside the
 * status: it says what was measured, in the same words in the list, the detail and the
 * partner's page.
 */
import { Badge } from '@mantine/core';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n/locale';

export function NoActivityNote({ size = 'sm' }: { size?: 'xs' | 'sm' }) {
  const { t } = useI18n();
  const { settings } = useSession();
  return (
    <Badge
      size={size}
      color="orange"
      variant="light"
      tt="none"
      data-testid="no-activity-note"
      style={{ whiteSpace: 'nowrap', flexShrink: 0 }}
    >
      {t('relationships.quiet', { months: settings['relationships.dormantMonths'] })}
    </Badge>
  );
}
