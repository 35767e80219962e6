import { Body1, Button, Field, Input, Link, Spinner, Title3 } from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { engagementStatusLabel, roleLabel } from '../shared/labels.js';
import { createEngagement, listEngagements, type EngagementRow } from '../../api/endpoints.js';
import { errorMessage } from '../../api/problem.js';
import { ErrorBar } from '../../components/ErrorBar.js';

/** The engagements I belong to, and a form to create one (I become its Chair). */
export function EngagementList({ onOpen, openLabel }: { onOpen: (id: string) => void; openLabel?: string }) {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
  const [rows, setRows] = useState<EngagementRow[] | null>(null);
  const [title, setTitle] = useState('');
  const [theme, setTheme] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    listEngagements().then(setRows, (failure: unknown) => {
      setRows([]);
      setError(errorMessage(failure));
    });
  }, []);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const view = await createEngagement({ title: title.trim(), theme: theme.trim() || undefined });
      onOpen(view.id);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section aria-labelledby="mine-h">
        <Title3 as="h2" id="mine-h">
          {t('home.mine')}
        </Title3>
        {rows === null ? (
          <Spinner size="small" label={t('home.loadingMine')} />
        ) : rows.length === 0 ? (
          <Body1 as="p">{t('home.none')}</Body1>
        ) : (
          <ul>
            {rows.map((row) => (
              <li key={row.id}>
                <Link
                  as="button"
                  onClick={() => onOpen(row.id)}
                  aria-label={t('home.openNamed', { action: openLabel ?? t('home.open'), title: row.title })}
                >
                  {row.title}
                </Link>{' '}
                <Body1>
                  {row.role
                    ? t('home.statusRole', { status: engagementStatusLabel(row.status), role: roleLabel(row.role) })
                    : t('home.status', { status: engagementStatusLabel(row.status) })}
                </Body1>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="create-h">
        <Title3 as="h2" id="create-h">
          {t('home.create')}
        </Title3>
        <form onSubmit={create} className={layout.row}>
          <Field label={t('home.title')} required>
            <Input value={title} onChange={(_, d) => setTitle(d.value)} name="title" />
          </Field>
          <Field label={t('home.theme')}>
            <Input value={theme} onChange={(_, d) => setTheme(d.value)} name="theme" />
          </Field>
          <Button appearance="primary" type="submit" disabledFocusable={busy || !title.trim()}>
            {t('home.createButton')}
          </Button>
        </form>
      </section>
      <ErrorBar message={error} onDismiss={() => setError(null)} />
    </>
  );
}
