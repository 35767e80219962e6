import { Body1, Button, Title3 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** Shown when Teams does not answer the handshake: say what happened and what to do. */
export function HostError({ detail }: { detail: string }) {
  const { t } = useTranslation();
  return (
    <main style={{ padding: 20, maxWidth: 560 }}>
      <Title3 as="h1">{t('host.errorTitle')}</Title3>
      <Body1 as="p">{t('host.errorBody')}</Body1>
      <Body1 as="p">{t('host.details', { detail })}</Body1>
      <Button appearance="primary" onClick={() => window.location.reload()}>
        {t('host.reload')}
      </Button>
    </main>
  );
}
