import { Body1, Button, Field, Input, Title3 } from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { devSignIn, getClientConfig } from '../../api/endpoints.js';
import { errorMessage } from '../../api/problem.js';
import { saveSession } from '../../api/session.js';
import { ErrorBar } from '../../components/ErrorBar.js';

/** Development sign-in (browser mode): a display name, no password. The server refuses it in production. */
export function SignIn() {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [available, setAvailable] = useState(true);
  useEffect(() => {
    getClientConfig().then(
      (config) => setAvailable(config.devSignIn),
      () => undefined,
    );
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { token, user } = await devSignIn(name.trim());
      saveSession({ token, user, kind: 'convene' });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="signin-h">
      <Title3 as="h2" id="signin-h">
        {t('home.signIn')}
      </Title3>
      {available ? (
        <>
          <Body1 as="p">{t('home.signInIntro')}</Body1>
          <form onSubmit={submit} className={layout.row}>
            <Field label={t('home.yourName')} required>
              <Input value={name} onChange={(_, d) => setName(d.value)} name="displayName" autoComplete="name" />
            </Field>
            <Button appearance="primary" type="submit" disabledFocusable={busy || !name.trim()}>
              {t('home.signIn')}
            </Button>
          </form>
        </>
      ) : (
        <Body1 as="p">{t('home.signInUnavailable')}</Body1>
      )}
      <ErrorBar message={error} title={t('home.signInFailed')} onDismiss={() => setError(null)} />
    </section>
  );
}
