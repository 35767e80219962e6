import { Body1, Button, makeStyles, Title3, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({ page: { padding: tokens.spacingHorizontalXL, maxWidth: '35rem' } });

/** Shown when Teams does not answer the handshake: say what happened and what to do. */
export function HostError({ detail }: { detail: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <Title3 as="h1">{t('host.errorTitle')}</Title3>
      <Body1 as="p">{t('host.errorBody')}</Body1>
      <Body1 as="p">{t('host.details', { detail })}</Body1>
      <Button appearance="primary" onClick={() => window.location.reload()}>
        {t('host.reload')}
      </Button>
    </main>
  );
}
