// A process (SPEC.md, PROCESS / PROPOSAL / PAPER / FEEDBACK / PROCESS-VIEW): an aggregate beside the
// engagement that groups engagements and holds the proposals register, concept papers and their feedback.
// The same write path runs it: id, state, version, decideProcess, evolveProcess, authorizeProcess, redact.
export * from './vocabulary.js';
export * from './commands.js';
export * from './events.js';
export * from './state.js';
export { decideProcess } from './decideProcess.js';
export { evolveProcess, foldProcess } from './evolveProcess.js';
export {
  authorizeProcess,
  canProcess,
  processAccessOf,
  processRoleOf,
  PROCESS_ALLOWED,
  type ProcessAccess,
  type ProcessAudience,
  type ProcessPrincipal,
} from './policies.js';
export { projectProcess, processViewFor, redactProcessEvent, type ProcessView } from './visibility.js';
export { processAggregate, type AggregateDefinition } from './aggregate.js';
export { draftFromBreakoutReport, draftFromIntervention, draftFromWrittenInput } from './proposalDrafts.js';
export { PROCESS_STATE_SCHEMA_VERSION } from './stateSchemaVersion.js';
