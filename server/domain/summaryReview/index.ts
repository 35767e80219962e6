// The Chair's summary cycle (SPEC.md): commands, stored events, state, rules, views, paragraph keys.
export * from './commands.js';
export * from './events.js';
export * from './state.js';
export { decideSummary, type SummaryDecideState } from './decideSummary.js';
export { evolveSummary } from './evolveSummary.js';
export {
  projectSummaryReview,
  redactSummaryEvent,
  summaryAccessOf,
  isReviewer,
  publishedVersionFor,
  type SummaryAccess,
} from './visibility.js';
export {
  applyParagraphEdits,
  orphanedEditKeys,
  paragraphKeysOf,
  type KeyedParagraph,
  type SummaryBody,
  type SummaryParagraph,
} from './paragraphKeys.js';
export { canonicalJson, isCanonicalJsonObject, type JsonValue } from './canonicalJson.js';
