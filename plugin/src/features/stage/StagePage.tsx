import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ConnectionBanner } from '../../components/ConnectionBanner.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { useEngagement } from '../../live/useEngagement.js';
import { StageView } from './StageView.js';

const useStyles = makeStyles({ loading: { padding: tokens.spacingHorizontalXXL } });

function StageLoading() {
  const { t } = useTranslation();
  usePageTitle(t('a11y.title.stage'));
  return <Spinner label={t('stage.loading')} className={useStyles().loading} />;
}

/** `/stage/:id`: what `shareAppContentToStage` shows to the whole meeting. */
export default function StagePage({ engagementId }: { engagementId: string }) {
  const live = useEngagement(engagementId);
  return (
    <>
      <ConnectionBanner connection={live.connection} detail={live.connectionDetail} />
      {live.state ? <StageView state={live.state} serverNow={live.serverNow} /> : <StageLoading />}
    </>
  );
}
