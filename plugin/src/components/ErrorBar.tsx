import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';

/** An error in words, announced to screen readers, dismissable. */
export function ErrorBar({ message, title = 'That did not work', onDismiss }: { message: string | null; title?: string; onDismiss?: () => void }) {
  if (!message) return null;
  return (
    <MessageBar intent="error" role="alert" style={{ marginBlock: 8 }}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle> {message}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions containerAction={<Button aria-label="Dismiss" appearance="transparent" icon={<DismissRegular />} onClick={onDismiss} />} />
      )}
    </MessageBar>
  );
}
