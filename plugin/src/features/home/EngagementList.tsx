import { Body1, Button, Field, Input, Link, Spinner, Title3 } from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { createEngagement, listEngagements, type EngagementRow } from '../../api/endpoints.js';
import { errorMessage } from '../../api/problem.js';
import { ErrorBar } from '../../components/ErrorBar.js';

/** The engagements I belong to, and a form to create one (I become its Chair). */
export function EngagementList({ onOpen, openLabel = 'Open' }: { onOpen: (id: string) => void; openLabel?: string }) {
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
          Your engagements
        </Title3>
        {rows === null ? (
          <Spinner size="small" label="Loading your engagements…" />
        ) : rows.length === 0 ? (
          <Body1 as="p">You have no engagement yet. Create one below, or open the invitation link you were sent.</Body1>
        ) : (
          <ul>
            {rows.map((row) => (
              <li key={row.id}>
                <Link as="button" onClick={() => onOpen(row.id)} aria-label={`${openLabel} ${row.title}`}>
                  {row.title}
                </Link>{' '}
                <Body1>
                  ({row.status}
                  {row.role ? `, you are ${row.role}` : ''})
                </Body1>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="create-h">
        <Title3 as="h2" id="create-h">
          Create an engagement
        </Title3>
        <form onSubmit={create} style={{ display: 'flex', gap: 8, alignItems: 'end', flexWrap: 'wrap' }}>
          <Field label="Title" required>
            <Input value={title} onChange={(_, d) => setTitle(d.value)} name="title" />
          </Field>
          <Field label="Theme">
            <Input value={theme} onChange={(_, d) => setTheme(d.value)} name="theme" />
          </Field>
          <Button appearance="primary" type="submit" disabled={busy || !title.trim()}>
            Create
          </Button>
        </form>
      </section>
      <ErrorBar message={error} onDismiss={() => setError(null)} />
    </>
  );
}
