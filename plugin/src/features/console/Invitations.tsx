import { Body1, Button, Dropdown, Field, Input, Option, Title3 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { formatDateTime } from '../../i18n/format.js';
import { CopyRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import type { Role } from '../../../../server/domain/index.js';
import { createInvitation, type CreatedInvitation } from '../../api/endpoints.js';
import { errorMessage } from '../../api/problem.js';
import { ErrorBar } from '../../components/ErrorBar.js';

const INVITABLE = ['stakeholder', 'delegation', 'observer', 'secretariat'] as const satisfies readonly Role[];

/** Invitation links: single use, expiring, bound to this engagement and one role. Shown once. */
export function Invitations({ engagementId }: { engagementId: string }) {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>('stakeholder');
  const [displayName, setDisplayName] = useState('');
  const [organization, setOrganization] = useState('');
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setCopied(false);
    try {
      setCreated(
        await createInvitation(engagementId, {
          role,
          ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
          ...(organization.trim() ? { organization: organization.trim() } : {}),
        }),
      );
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.url);
      setCopied(true);
    } catch {
      setError(t('console.invitations.copyFailed'));
    }
  };
  return (
    <section aria-labelledby="inv-h" className={layout.stack}>
      <Title3 as="h2" id="inv-h">
        {t('console.invitations.title')}
      </Title3>
      <form onSubmit={create} className={layout.row}>
        <Field label={t('console.invitations.roleLabel')}>
          <Dropdown
            className={layout.fit}
            value={
              (INVITABLE as readonly Role[]).includes(role) ? t(`console.invitations.role.${role as (typeof INVITABLE)[number]}`) : role
            }
            selectedOptions={[role]}
            onOptionSelect={(_, d) => d.optionValue && setRole(d.optionValue as Role)}
          >
            {INVITABLE.map((r) => (
              <Option key={r} value={r}>
                {t(`console.invitations.role.${r}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t('console.invitations.nameOptional')}>
          <Input value={displayName} onChange={(_, d) => setDisplayName(d.value)} />
        </Field>
        <Field label={t('console.invitations.organizationOptional')}>
          <Input value={organization} onChange={(_, d) => setOrganization(d.value)} />
        </Field>
        <Button type="submit">{t('console.invitations.create')}</Button>
      </form>
      <ErrorBar message={error} onDismiss={() => setError(null)} />
      {created && (
        <div role="status" className={layout.stackTight}>
          <Body1>{t('console.invitations.sendLink', { date: formatDateTime(created.expiresAt) })}</Body1>
          <span className={layout.row}>
            <Input
              readOnly
              value={created.url}
              aria-label={t('console.invitations.link')}
              data-testid="invitation-url"
              className={layout.fill}
            />
            <Button icon={<CopyRegular />} onClick={() => void copy()}>
              {copied ? t('console.invitations.copied') : t('console.invitations.copy')}
            </Button>
          </span>
        </div>
      )}
    </section>
  );
}
