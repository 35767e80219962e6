import { z } from 'zod';
import { ProposalPutForward } from './commands.js';
import type { ProcessView } from './visibility.js';

// The process's REST bodies that both the server and the tab read (as ../wireContract.ts is for engagements):
// the tab may import nothing of the server but the domain.

export const ProcessListRow = z.object({ id: z.string(), title: z.string(), role: z.string() });
export const ProcessListResponse = z.array(ProcessListRow);

/** The envelope the server promises around a process's projection (PROCESS-VIEW-1..5); the rest is typed from the domain. */
export const ProcessViewResponse = z
  .looseObject({
    id: z.string(),
    version: z.number().int(),
    me: z.object({ memberId: z.string().nullable(), role: z.string().nullable(), audience: z.enum(['staff', 'participant', 'portal']) }),
  })
  .transform((view) => view as unknown as ProcessView);

export const ProcessCommandResultResponse = z.object({
  version: z.number().int(),
  events: z.array(z.looseObject({ type: z.string(), version: z.number().int() })),
});

/** A draft `proposal.putForward` (PROPOSAL-12), as GET …/drafts answers it: checked against the command's own schema. */
export const ProposalDraftResponse = ProposalPutForward;
