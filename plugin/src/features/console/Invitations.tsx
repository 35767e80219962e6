import { Body1, Button, Dropdown, Field, Input, Option, Title3 } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import type { Role } from '../../../../server/domain/index.js';
import { createInvitation, type CreatedInvitation } from '../../api/endpoints.js';
import { errorMessage } from '../../api/problem.js';
import { ErrorBar } from '../../components/ErrorBar.js';
import { fitWidth } from '../../components/fitWidth.js';

const INVITABLE: { role: Role; label: string }[] = [
  { role: 'stakeholder', label: 'Stakeholder' },
  { role: 'delegation', label: 'Delegation (member state)' },
  { role: 'observer', label: 'Observer' },
  { role: 'secretariat', label: 'Secretariat' },
];

/** Invitation links: single use, expiring, bound to this engagement and one role. Shown once. */
export function Invitations({ engagementId }: { engagementId: string }) {
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
      setError('The browser did not allow copying. Select the link and copy it yourself.');
    }
  };
  return (
    <section aria-labelledby="inv-h" style={{ display: 'grid', gap: 8 }}>
      <Title3 as="h3" id="inv-h">
        Invitations
      </Title3>
      <form onSubmit={create} style={{ display: 'flex', gap: 8, alignItems: 'end', flexWrap: 'wrap' }}>
        <Field label="Role">
          <Dropdown style={fitWidth} value={INVITABLE.find((r) => r.role === role)?.label} selectedOptions={[role]} onOptionSelect={(_, d) => d.optionValue && setRole(d.optionValue as Role)}>
            {INVITABLE.map((r) => (
              <Option key={r.role} value={r.role}>
                {r.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Name (optional)">
          <Input value={displayName} onChange={(_, d) => setDisplayName(d.value)} />
        </Field>
        <Field label="Organization (optional)">
          <Input value={organization} onChange={(_, d) => setOrganization(d.value)} />
        </Field>
        <Button type="submit">Create invitation</Button>
      </form>
      <ErrorBar message={error} onDismiss={() => setError(null)} />
      {created && (
        <div role="status" style={{ display: 'grid', gap: 4 }}>
          <Body1>Send this link to the invitee. It works once and expires {new Date(created.expiresAt).toLocaleString()}.</Body1>
          <span style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <Input readOnly value={created.url} aria-label="Invitation link" data-testid="invitation-url" style={{ flex: 1, minWidth: 200 }} />
            <Button icon={<CopyRegular />} onClick={() => void copy()}>
              {copied ? 'Copied' : 'Copy link'}
            </Button>
          </span>
        </div>
      )}
    </section>
  );
}
