import type { SummaryCommand } from '../../../../server/domain/summaryReview/index.js';
import type { CommandResult } from '../../api/sendCommand.js';
import type { CommandRunner } from '../../components/useCommand.js';

/**
 * Sends a summary command through the one command endpoint: the domain's `Command` union holds every
 * summary command, and the body is exactly what the server validates.
 */
export const runSummaryCommand = (commands: CommandRunner, command: SummaryCommand): Promise<CommandResult | null> => commands.run(command);
