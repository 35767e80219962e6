// The meaning of a stored state snapshot (server/store: table snapshots): the shape of EngagementState
// (state.ts) and what `evolve` (evolve.ts) makes of each event. A snapshot stamped with another number is
// ignored, and the engagement is folded from the start of its log and snapshotted again.
//
// Bump it whenever the state's shape or evolve's meaning changes (a field added, renamed or computed
// differently; an event folded differently). Forgetting to bump would restart engagements from a state
// the current code would not have produced; bumping needlessly costs one full fold per engagement.
export const STATE_SCHEMA_VERSION = 1;
