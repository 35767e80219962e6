// The domain module: the one thing the plugin imports from the server. Pure TypeScript + zod.
export * from './vocabulary.js';
export * from './errors.js';
export { Command, type CommandType, type CommandOf, COMMAND_TYPES, INTERNAL_COMMANDS, isInternalCommand } from './commands.js';
export * as commandSchemas from './commands.js';
export * from './events.js';
export * from './state.js';
export * from './context.js';
export { decide } from './decide.js';
export { evolve } from './evolve.js';
export { authorize, can, roleOf, ALLOWED, type Principal } from './policies.js';
export { project, redact, viewFor, membershipOf, standingOf, type EngagementView, type Standing } from './view.js';
export { inputsLeft } from './input/index.js';
