import { Button, Dropdown, Field, Input, Option, Title3 } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCREDITATIONS, CATEGORIES, REGIONS, type Accreditation, type Category, type Region } from '../../../../server/domain/index.js';
import { accreditationLabel, categoryLabel, regionLabel } from '../shared/labels.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';

export function RegistrationForm({ commands, defaults }: { commands: CommandRunner; defaults?: { organization?: string } }) {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
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
        {t('register.title')}
      </Title3>
      <form onSubmit={submit} className={layout.stack}>
        <Field label={t('register.organization')} required>
          <Input value={organization} onChange={(_, d) => setOrganization(d.value)} name="organization" />
        </Field>
        <Field label={t('register.category')} required>
          <Dropdown
            className={layout.fit}
            value={categoryLabel(category)}
            selectedOptions={[category]}
            onOptionSelect={(_, d) => d.optionValue && setCategory(d.optionValue as Category)}
            name="category"
          >
            {CATEGORIES.map((c) => (
              <Option key={c} value={c}>
                {categoryLabel(c)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t('register.region')}>
          <Dropdown
            className={layout.fit}
            value={region ? regionLabel(region) : ''}
            placeholder={t('register.chooseRegion')}
            selectedOptions={region ? [region] : []}
            onOptionSelect={(_, d) => setRegion((d.optionValue as Region) ?? '')}
          >
            {REGIONS.map((r) => (
              <Option key={r} value={r}>
                {regionLabel(r)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t('register.country')}>
          <Input value={country} onChange={(_, d) => setCountry(d.value)} name="country" autoComplete="country-name" />
        </Field>
        <Field label={t('register.accreditation')}>
          <Dropdown
            className={layout.fit}
            value={accreditation ? accreditationLabel(accreditation) : ''}
            placeholder={t('register.chooseAccreditation')}
            selectedOptions={accreditation ? [accreditation] : []}
            onOptionSelect={(_, d) => setAccreditation((d.optionValue as Accreditation) ?? '')}
          >
            {ACCREDITATIONS.map((a) => (
              <Option key={a} value={a}>
                {accreditationLabel(a)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button appearance="primary" type="submit" disabledFocusable={commands.busy || !organization.trim()}>
          {t('register.submit')}
        </Button>
      </form>
    </section>
  );
}
