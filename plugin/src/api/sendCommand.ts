import type { z } from 'zod';
import type { Command } from '../../../server/domain/index.js';
import { CommandResultResponse, type CommandEnvelope } from '../../../server/domain/wireContract.js';
import { apiFetch } from './http.js';

// Every change goes through POST /commands. The commandId is chosen here, once per user action, so a
// retry of the same action (network blip, double click) is recorded once (docs/api.md).

export type CommandResult = z.output<typeof CommandResultResponse>;

export type ClientCommand = Command & CommandEnvelope;

export function newCommandId(): string {
  return crypto.randomUUID();
}

export async function sendCommand(
  engagementId: string,
  command: Command,
  options: { commandId?: string; expectedVersion?: number } = {},
): Promise<CommandResult> {
  const body: ClientCommand = { ...command, commandId: options.commandId ?? newCommandId() };
  if (options.expectedVersion !== undefined) body.expectedVersion = options.expectedVersion;
  return apiFetch(`/api/engagements/${encodeURIComponent(engagementId)}/commands`, CommandResultResponse, { body });
}
