import { Badge, Button, Caption1, Field, Textarea, Title3, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { CommandRunner } from '../../components/useCommand.js';
import type { DraftParagraph, DraftSection } from './draftSections.js';
import { runSummaryCommand } from './runSummaryCommand.js';

/** The Chair's wording, paragraph by paragraph (SUMMARY-1): edit, save, or restore the generated text. */
export function ParagraphEditor({ sections, commands, onSaved }: { sections: DraftSection[]; commands: CommandRunner; onSaved: () => void }) {
  if (sections.length === 0) return <p>The draft has no paragraphs yet: they come from the meeting’s questions and public notes.</p>;
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
          <Field label={`Paragraph ${paragraph.number}`}>
            <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={4} resize="vertical" />
          </Field>
          <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
            <Button appearance="primary" disabled={commands.busy || !text.trim() || text.trim() === paragraph.text} onClick={() => void save(text.trim())}>
              Save wording
            </Button>
            <Button
              onClick={() => {
                setText(paragraph.text);
                setEditing(false);
              }}
            >
              Cancel
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
                Your wording
              </Badge>
            )}
            <Button
              size="small"
              aria-label={`Edit paragraph ${paragraph.number}`}
              onClick={() => {
                setText(paragraph.text);
                setEditing(true);
              }}
            >
              Edit
            </Button>
            {paragraph.edited && (
              <Button size="small" disabled={commands.busy} aria-label={`Restore the generated text of paragraph ${paragraph.number}`} onClick={() => void save('')}>
                Restore generated text
              </Button>
            )}
          </div>
          <Caption1 style={{ color: tokens.colorNeutralForeground3 }}>{paragraph.key}</Caption1>
        </div>
      )}
    </li>
  );
}
