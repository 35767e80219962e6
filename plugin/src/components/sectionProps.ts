import type { EngagementState, Membership } from '../../../server/domain/index.js';
import { useCommand, type CommandRunner } from './useCommand.js';

/** What a section of the console or the side panel is given by the surface that holds it. */
export interface SectionProps {
  state: EngagementState;
  me: Membership | null;
  serverNow: () => number;
  /** The surface's command runner, to share its error bar; the section keeps its own when omitted. */
  commands?: CommandRunner;
}

/** The surface's runner when given, else the section's own (the hook is always called: hooks keep their order). */
export function useSectionCommands(engagementId: string, given: CommandRunner | undefined): CommandRunner {
  const own = useCommand(engagementId);
  return given ?? own;
}
