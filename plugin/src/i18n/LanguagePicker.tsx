import { Label, makeStyles, Select, tokens, useId } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, currentLanguage } from './i18n.js';
import { LANGUAGES, NATIVE_NAME, type Language } from './languages.js';

const useStyles = makeStyles({ picker: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalSNudge, flexWrap: 'wrap' } });

/** A small labelled select in the surface's header; each language is named in itself. */
export function LanguagePicker() {
  const { t } = useTranslation();
  const styles = useStyles();
  const id = useId('language');
  return (
    <div className={styles.picker}>
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
