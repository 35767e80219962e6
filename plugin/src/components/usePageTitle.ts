import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The product's name is not translated. */
const APP = 'Convene';

/**
 * `document.title` names the view and the engagement (WCAG 2.4.2): a Chair with the console, the stage and
 * a summary open in separate windows can tell them apart. `view` is already translated.
 */
export function usePageTitle(view: string, engagement?: string | null): void {
  const { t } = useTranslation();
  const title = engagement ? t('a11y.title.withEngagement', { view, engagement, app: APP }) : t('a11y.title.plain', { view, app: APP });
  useEffect(() => {
    document.title = title;
  }, [title]);
}
