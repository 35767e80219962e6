import type { Command } from '../../../../server/domain/index.js';
import type { SummaryCommand } from '../../../../server/domain/summaryReview/index.js';
import type { CommandResult } from '../../api/sendCommand.js';
import type { CommandRunner } from '../../components/useCommand.js';

/**
 * Sends a summary command through the one command endpoint. The cast goes once the lead spreads
 * SUMMARY_COMMANDS into the domain's `Command` union; the body is already exactly what the server validates.
 */
export const runSummaryCommand = (commands: CommandRunner, command: SummaryCommand): Promise<CommandResult | null> =>
  commands.run(command as unknown as Command);
