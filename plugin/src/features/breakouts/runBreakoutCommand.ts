import type { Command } from '../../../../server/domain/index.js';
import type { BreakoutCommand } from '../../../../server/domain/breakouts/index.js';
import type { CommandResult } from '../../api/sendCommand.js';
import type { CommandRunner } from '../../components/useCommand.js';

/**
 * Sends a breakout command through the one command endpoint. The cast goes once the lead spreads
 * BREAKOUT_COMMANDS into the domain's `Command` union; the body is already exactly what the server validates.
 */
export const runBreakoutCommand = (commands: CommandRunner, command: BreakoutCommand): Promise<CommandResult | null> =>
  commands.run(command as unknown as Command);
