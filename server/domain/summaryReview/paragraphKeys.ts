// SUMMARY-2: stable names for the generated paragraphs, so that the Chair's wording (`summary.editParagraph`)
// and a delegation's correction stay attached to the paragraph they were about. Running numbers (1, 2, 3, …
// across the document) shift when a note is added earlier; a key names the section and the place inside it:
//
//   opening:<n>                the opening paragraphs
//   question:<questionId>:<n>  the paragraphs of one guiding question (n = 1 is its counts sentence)
//   general:<n>                general discussion (public notes tied to no question)
//   breakouts:<n>              the breakouts section
//   closing:<n>                the closing paragraphs
//
// Notes are drafted in the order they were taken, so new notes add keys at the end of their section and the
// existing keys keep naming the same text. These functions read only the paragraph shape of `Summary`
// (server/summary/Summary.ts), structurally, so the domain needs nothing from outside itself.

export interface SummaryParagraph {
  number: number;
  text: string;
}

export interface SummaryBody {
  opening: SummaryParagraph[];
  questions: { questionId: string; paragraphs: SummaryParagraph[] }[];
  generalDiscussion: SummaryParagraph[];
  breakouts: { paragraphs: SummaryParagraph[] } | null;
  closing: SummaryParagraph[];
}

export interface KeyedParagraph extends SummaryParagraph {
  key: string;
}

const keyed = (prefix: string, paragraphs: SummaryParagraph[]): KeyedParagraph[] =>
  paragraphs.map((p, i) => ({ ...p, key: `${prefix}:${i + 1}` }));

/** Every paragraph of the body with its key, in document order. */
export function paragraphKeysOf(body: SummaryBody): KeyedParagraph[] {
  return [
    ...keyed('opening', body.opening),
    ...body.questions.flatMap((q) => keyed(`question:${q.questionId}`, q.paragraphs)),
    ...keyed('general', body.generalDiscussion),
    ...keyed('breakouts', body.breakouts?.paragraphs ?? []),
    ...keyed('closing', body.closing),
  ];
}

/**
 * The body with the Chair's wording in place of the generated text (SUMMARY-1). Numbers stay: an edit
 * rewords a paragraph, it never adds or removes one. An empty edit means "the generated text". Keys that
 * name no paragraph of this body (a question removed since) change nothing; `orphanedEditKeys` lists them.
 */
export function applyParagraphEdits<S extends SummaryBody>(body: S, edits: Readonly<Record<string, { text: string }>>): S {
  const apply = (prefix: string, paragraphs: SummaryParagraph[]): SummaryParagraph[] =>
    paragraphs.map((p, i) => {
      const edit = edits[`${prefix}:${i + 1}`];
      return edit && edit.text !== '' ? { ...p, text: edit.text } : p;
    });
  return {
    ...body,
    opening: apply('opening', body.opening),
    questions: body.questions.map((q) => ({ ...q, paragraphs: apply(`question:${q.questionId}`, q.paragraphs) })),
    generalDiscussion: apply('general', body.generalDiscussion),
    breakouts: body.breakouts ? { ...body.breakouts, paragraphs: apply('breakouts', body.breakouts.paragraphs) } : null,
    closing: apply('closing', body.closing),
  };
}

/** Edit keys that name no paragraph of this body. */
export function orphanedEditKeys(body: SummaryBody, edits: Readonly<Record<string, unknown>>): string[] {
  const keys = new Set(paragraphKeysOf(body).map((p) => p.key));
  return Object.keys(edits)
    .filter((k) => !keys.has(k))
    .sort();
}
