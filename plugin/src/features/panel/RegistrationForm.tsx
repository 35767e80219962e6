import { Button, Dropdown, Field, Input, Option, Title3 } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { ACCREDITATIONS, CATEGORIES, REGIONS, type Accreditation, type Category, type Region } from '../../../../server/domain/index.js';
import { ACCREDITATION_LABEL, CATEGORY_LABEL, REGION_LABEL } from '../shared/labels.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { fitWidth } from '../../components/fitWidth.js';

export function RegistrationForm({ commands, defaults }: { commands: CommandRunner; defaults?: { organization?: string } }) {
  const [organization, setOrganization] = useState(defaults?.organization ?? '');
  const [category, setCategory] = useState<Category>('ngo');
  const [region, setRegion] = useState<Region | ''>('');
  const [country, setCountry] = useState('');
  const [accreditation, setAccreditation] = useState<Accreditation | ''>('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await commands.run({
      type: 'participant.register',
      organization: organization.trim(),
      category,
      ...(region ? { region } : {}),
      ...(country.trim() ? { country: country.trim() } : {}),
      ...(accreditation ? { accreditation } : {}),
    });
  };
  return (
    <section aria-labelledby="register-h">
      <Title3 as="h2" id="register-h">
        Register to take part
      </Title3>
      <form onSubmit={submit} style={{ display: 'grid', gap: 8 }}>
        <Field label="Organization" required>
          <Input value={organization} onChange={(_, d) => setOrganization(d.value)} name="organization" />
        </Field>
        <Field label="Category" required>
          <Dropdown
            style={fitWidth}
            value={CATEGORY_LABEL[category]}
            selectedOptions={[category]}
            onOptionSelect={(_, d) => d.optionValue && setCategory(d.optionValue as Category)}
            name="category"
          >
            {CATEGORIES.map((c) => (
              <Option key={c} value={c}>
                {CATEGORY_LABEL[c]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Regional group">
          <Dropdown
            style={fitWidth}
            value={region ? REGION_LABEL[region] : ''}
            placeholder="Choose a regional group"
            selectedOptions={region ? [region] : []}
            onOptionSelect={(_, d) => setRegion((d.optionValue as Region) ?? '')}
          >
            {REGIONS.map((r) => (
              <Option key={r} value={r}>
                {REGION_LABEL[r]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Country">
          <Input value={country} onChange={(_, d) => setCountry(d.value)} name="country" autoComplete="country-name" />
        </Field>
        <Field label="Accreditation">
          <Dropdown
            style={fitWidth}
            value={accreditation ? ACCREDITATION_LABEL[accreditation] : ''}
            placeholder="Choose your accreditation"
            selectedOptions={accreditation ? [accreditation] : []}
            onOptionSelect={(_, d) => setAccreditation((d.optionValue as Accreditation) ?? '')}
          >
            {ACCREDITATIONS.map((a) => (
              <Option key={a} value={a}>
                {ACCREDITATION_LABEL[a]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button appearance="primary" type="submit" disabled={commands.busy || !organization.trim()}>
          Register
        </Button>
      </form>
    </section>
  );
}
