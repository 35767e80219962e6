import { Badge, Button, Caption1, Field, Textarea, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import type { CommandRunner } from '../../components/useCommand.js';
import type { DraftParagraph, DraftSection } from './draftSections.js';
import { runSummaryCommand } from './runSummaryCommand.js';
import { useSummaryStyles } from './useSummaryStyles.js';

/** The Chair's wording, paragraph by paragraph (SUMMARY-1): edit, save, or restore the generated text. */
export function ParagraphEditor({
  sections,
  commands,
  onSaved,
}: {
  sections: DraftSection[];
  commands: CommandRunner;
  onSaved: () => void;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
  if (sections.length === 0) return <p>{t('summary.noParagraphs')}</p>;
  return (
    <div className={layout.stackWide}>
      {sections.map((section) => (
        <section key={section.id} aria-label={section.title} className={layout.stack}>
          <Title3 block as="h3" className={layout.minor}>
            {section.title}
          </Title3>
          <ol className={layout.bare}>
            {section.paragraphs.map((p) => (
              <EditableParagraph key={p.key} paragraph={p} commands={commands} onSaved={onSaved} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

function EditableParagraph({ paragraph, commands, onSaved }: { paragraph: DraftParagraph; commands: CommandRunner; onSaved: () => void }) {
  const layout = useLayoutStyles();
  const summary = useSummaryStyles();
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(paragraph.text);
  const save = async (value: string) => {
    if (await runSummaryCommand(commands, { type: 'summary.editParagraph', paragraphKey: paragraph.key, text: value })) {
      setEditing(false);
      onSaved();
    }
  };
  return (
    <li className={summary.item}>
      {editing ? (
        <div className={layout.stack}>
          <Field label={t('summary.paragraphLabel', { number: paragraph.number })}>
            <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={4} resize="vertical" />
          </Field>
          <div className={layout.buttons}>
            <Button
              appearance="primary"
              disabledFocusable={commands.busy || !text.trim() || text.trim() === paragraph.text}
              onClick={() => void save(text.trim())}
            >
              {t('summary.saveWording')}
            </Button>
            <Button
              onClick={() => {
                setText(paragraph.text);
                setEditing(false);
              }}
            >
              {t('summary.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <div className={layout.stackTight}>
          <p className={layout.plain}>
            <strong>{paragraph.number}.</strong> {paragraph.text}
          </p>
          <div className={layout.rowCenter}>
            {paragraph.edited && (
              <Badge appearance="tint" color="informative">
                {t('summary.yourWording')}
              </Badge>
            )}
            <Button
              size="small"
              aria-label={t('summary.editParagraph', { number: paragraph.number })}
              onClick={() => {
                setText(paragraph.text);
                setEditing(true);
              }}
            >
              {t('summary.edit')}
            </Button>
            {paragraph.edited && (
              <Button
                size="small"
                disabledFocusable={commands.busy}
                aria-label={t('summary.restoreParagraph', { number: paragraph.number })}
                onClick={() => void save('')}
              >
                {t('summary.restore')}
              </Button>
            )}
          </div>
          <Caption1 className={layout.muted}>{paragraph.key}</Caption1>
        </div>
      )}
    </li>
  );
}
