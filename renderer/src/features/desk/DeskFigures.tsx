/**
 * The Desk's figures below its lists: letters per month, the partner map, relationships by
 * status and area, approval requests per authority. Loaded and drawn when scrolled toward
 * (see WhenVisible), so the charts' library and the map are no part of the first paint.
 */
import { Card, Grid, Title } from '@mantine/core';
import type { DeskOverview } from '../../../../shared/api/overview.contract';
import { useI18n } from '../../i18n/locale';
import { PartnerMap } from '../partners/PartnerMap';
import { ApprovalsWaitingChart, RelationshipsChart } from './DeskCharts';
import { LettersChart } from './LettersChart';

export function DeskFigures({ overview }: { overview: DeskOverview }) {
  const { t } = useI18n();
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <LettersChart months={overview.lettersByMonth} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Card component="section" aria-label={t('desk.map.title')} h="100%">
          <Title order={2} fz="h5" mb="sm">
            {t('desk.map.title')}
          </Title>
          <PartnerMap compact />
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <RelationshipsChart byStatus={overview.relationshipsByStatus} byArea={overview.relationshipsByArea} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <ApprovalsWaitingChart today={overview.today} />
      </Grid.Col>
    </Grid>
  );
}
