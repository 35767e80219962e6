import type { BreakoutCommand } from '../../../../server/domain/breakouts/index.js';
import type { CommandResult } from '../../api/sendCommand.js';
import type { CommandRunner } from '../../components/useCommand.js';

/**
 * Sends a breakout command through the one command endpoint: the domain's `Command` union holds every
 * breakout command, and the body is exactly what the server validates.
 */
export const runBreakoutCommand = (commands: CommandRunner, command: BreakoutCommand): Promise<CommandResult | null> =>
  commands.run(command);
