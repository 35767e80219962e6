import { Label, Select, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, currentLanguage } from './i18n.js';
import { LANGUAGES, NATIVE_NAME, type Language } from './languages.js';

/** A small labelled select in the surface's header; each language is named in itself. */
export function LanguagePicker() {
  const { t } = useTranslation();
  const id = useId('language');
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
      <Label htmlFor={id} size="small">
        {t('language.label')}
      </Label>
      <Select
        id={id}
        size="small"
        value={currentLanguage()}
        onChange={(_, d) => void chooseLanguage(d.value as Language)}
        data-testid="language-picker"
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {NATIVE_NAME[language]}
          </option>
        ))}
      </Select>
    </div>
  );
}
