import { Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ConnectionBanner } from '../../components/ConnectionBanner.js';
import { useEngagement } from '../../live/useEngagement.js';
import { StageView } from './StageView.js';

/** `/stage/:id`: what `shareAppContentToStage` shows to the whole meeting. */
export default function StagePage({ engagementId }: { engagementId: string }) {
  const { t } = useTranslation();
  const live = useEngagement(engagementId);
  return (
    <>
      <ConnectionBanner connection={live.connection} detail={live.connectionDetail} />
      {live.state ? <StageView state={live.state} serverNow={live.serverNow} /> : <Spinner label={t('stage.loading')} style={{ padding: 24 }} />}
    </>
  );
}
