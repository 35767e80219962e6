import { Body1, MessageBar, MessageBarBody, Title2 } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { i18n } from '../../i18n/i18n.js';
import { useHost } from '../../host/HostProvider.js';
import { EngagementList } from '../home/EngagementList.js';
import { SignIn } from '../home/SignIn.js';
import { useSession } from '../home/useSession.js';

/**
 * The Teams configuration page (frame context `settings`): create or pick the engagement this meeting
 * runs. Save stays disabled until one is chosen; then the tab's contentUrl carries the `inTeams=1` marker.
 */
export default function ConfigPage() {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
  usePageTitle(t('a11y.title.config'));
  const host = useHost();
  const session = useSession();
  const [chosen, setChosen] = useState<string | null>(null);
  const chosenRef = useRef<string | null>(null);
  const registered = useRef(false);

  useEffect(() => {
    const teams = host.teams;
    if (!teams || registered.current) return;
    registered.current = true;
    teams.setConfigValid(false);
    teams.configure({
      onSave: async () => {
        const id = chosenRef.current;
        if (!id) throw new Error(i18n.t('config.chooseFirst'));
        const origin = window.location.origin;
        return {
          entityId: id,
          contentUrl: `${origin}/e/${encodeURIComponent(id)}?inTeams=1`,
          websiteUrl: `${origin}/e/${encodeURIComponent(id)}`,
        };
      },
    });
  }, [host.teams]);

  const choose = (id: string) => {
    chosenRef.current = id;
    setChosen(id);
    host.teams?.setConfigValid(true);
  };

  const signedIn = host.mode === 'teams' ? !host.teams?.isAnonymous : Boolean(session);
  return (
    <main className={layout.page}>
      <Title2 as="h1">{t('config.title')}</Title2>
      <Body1 as="p" className={layout.plain}>
        {t('config.intro')}
      </Body1>
      {host.mode === 'browser' && (
        <MessageBar intent="info">
          <MessageBarBody>{t('config.browser')}</MessageBarBody>
        </MessageBar>
      )}
      {chosen && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('config.chosen')}</MessageBarBody>
        </MessageBar>
      )}
      {signedIn ? <EngagementList onOpen={choose} openLabel={t('config.use')} /> : <SignIn />}
    </main>
  );
}
