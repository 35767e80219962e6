/**
 * The shape of ProcessState and the meaning of evolveProcess, for snapshots of a process's state (as
 * STATE_SCHEMA_VERSION is for an engagement's): bump it when either changes, so that a stored snapshot of
 * another version is set aside and the state folded again from the log.
 */
export const PROCESS_STATE_SCHEMA_VERSION = 1;
