import { Badge, Button, Caption1, Field, Textarea, Title3, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandRunner } from '../../components/useCommand.js';
import type { DraftParagraph, DraftSection } from './draftSections.js';
import { runSummaryCommand } from './runSummaryCommand.js';

/** The Chair's wording, paragraph by paragraph (SUMMARY-1): edit, save, or restore the generated text. */
export function ParagraphEditor({ sections, commands, onSaved }: { sections: DraftSection[]; commands: CommandRunner; onSaved: () => void }) {
  const { t } = useTranslation();
  if (sections.length === 0) return <p>{t('summary.noParagraphs')}</p>;
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      {sections.map((section) => (
        <section key={section.id} aria-label={section.title} style={{ display: 'grid', gap: 8 }}>
          <Title3 block as="h3" style={{ fontSize: 16 }}>
            {section.title}
          </Title3>
          <ol style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 8 }}>
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
    <li style={{ padding: 8, borderRadius: 6, border: `1px solid ${tokens.colorNeutralStroke2}` }}>
      {editing ? (
        <div style={{ display: 'grid', gap: 6 }}>
          <Field label={t('summary.paragraphLabel', { number: paragraph.number })}>
            <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={4} resize="vertical" />
          </Field>
          <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
            <Button appearance="primary" disabledFocusable={commands.busy || !text.trim() || text.trim() === paragraph.text} onClick={() => void save(text.trim())}>
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
        <div style={{ display: 'grid', gap: 4 }}>
          <p style={{ margin: 0 }}>
            <strong>{paragraph.number}.</strong> {paragraph.text}
          </p>
          <div style={{ display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}>
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
              <Button size="small" disabledFocusable={commands.busy} aria-label={t('summary.restoreParagraph', { number: paragraph.number })} onClick={() => void save('')}>
                {t('summary.restore')}
              </Button>
            )}
          </div>
          <Caption1 style={{ color: tokens.colorNeutralForeground3 }}>{paragraph.key}</Caption1>
        </div>
      )}
    </li>
  );
}
