import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({ bar: { marginBlock: tokens.spacingVerticalS } });

/** An error in words, announced to screen readers, dismissable. */
export function ErrorBar({ message, title, onDismiss }: { message: string | null; title?: string; onDismiss?: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (!message) return null;
  return (
    <MessageBar intent="error" role="alert" className={styles.bar}>
      <MessageBarBody>
        <MessageBarTitle>{title ?? t('common.errorTitle')}</MessageBarTitle> {message}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button aria-label={t('common.dismiss')} appearance="transparent" icon={<DismissRegular />} onClick={onDismiss} />
          }
        />
      )}
    </MessageBar>
  );
}
