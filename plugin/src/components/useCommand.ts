import { useCallback, useState } from 'react';
import type { Command } from '../../../server/domain/index.js';
import { errorMessage } from '../api/problem.js';
import { newCommandId, sendCommand, type CommandResult } from '../api/sendCommand.js';

// Runs commands for one engagement and keeps the last error in words. A failed network call is retried
// once with the same commandId, which the server deduplicates (docs/api.md), so a retry never acts twice.

export interface CommandRunner {
  run: (command: Command) => Promise<CommandResult | null>;
  busy: boolean;
  error: string | null;
  clearError: () => void;
}

export function useCommand(engagementId: string): CommandRunner {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (command: Command) => {
      setBusy(true);
      setError(null);
      const commandId = newCommandId();
      try {
        try {
          return await sendCommand(engagementId, command, { commandId });
        } catch (first) {
          if (!(first instanceof TypeError)) throw first;
          return await sendCommand(engagementId, command, { commandId });
        }
      } catch (failure) {
        setError(errorMessage(failure));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [engagementId],
  );
  return { run, busy, error, clearError: useCallback(() => setError(null), []) };
}
