import { Router, type Response } from 'express';
import { AppError } from '../appError.js';
import type { Clock } from '../clock.js';
import { Command, COMMAND_TYPES, isInternalCommand } from '../domain/commands.js';
import type { Actor, Viewer } from '../domain/context.js';
import type { EngagementService } from '../engagements/EngagementService.js';
import { assertEngagementInScope, principalOf, type Authenticator, type Principal } from './auth.js';
import { holdRefusal } from './holdRefusal.js';
import { requireJson } from './requireJson.js';
import { invalidInput, validate } from './validate.js';
import { CommandEnvelope, CreateEngagementBody, CreateInvitationBody, EngagementIdParam, ReplanQuery } from './wireSchemas.js';

// The engagement endpoints: thin (auth → validate → one call → reply). Who may do what is decided by
// the engagement service and the domain's policies, never here. Express 5 forwards rejections to the
// problem renderer, so no route catches.

const EngagementId = EngagementIdParam;

/** An id that cannot exist is simply not found (no 400 oracle on the id's shape). */
export function engagementIdOf(raw: unknown): string {
  const parsed = EngagementId.safeParse(raw);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'There is no engagement with this id.');
  return parsed.data;
}

export const viewerOf = (principal: Principal): Viewer => ({ userId: principal.user.userId });
export const actorOf = (principal: Principal): Actor => ({
  kind: 'user',
  userId: principal.user.userId,
  displayName: principal.user.displayName,
});

/** The engagement the request names, once the caller is known to be allowed to reach it. */
export function scopedEngagement(res: Response, rawId: unknown): { principal: Principal; engagementId: string } {
  const principal = principalOf(res);
  const engagementId = engagementIdOf(rawId);
  assertEngagementInScope(principal, engagementId);
  return { principal, engagementId };
}

/** POST /commands: `{ type, ...fields, commandId?, expectedVersion? }` → the domain command and its options. */
export function parseCommandRequest(body: unknown): { command: Command; commandId?: string; expectedVersion?: number } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidInput('command', [{ path: '', message: 'The body must be a JSON object with a `type`' }]);
  }
  const { commandId, expectedVersion, ...fields } = body as Record<string, unknown>;
  const envelope = validate(CommandEnvelope, { commandId, expectedVersion }, 'command');
  const type = fields.type;
  if (typeof type !== 'string' || !(COMMAND_TYPES as string[]).includes(type)) {
    throw invalidInput('command', [
      {
        path: 'type',
        message:
          typeof type === 'string'
            ? `Unknown command type "${type.slice(0, 60)}"; see GET /api/openapi.json for the list`
            : 'Required: the command type, e.g. "floor.request"',
      },
    ]);
  }
  if (isInternalCommand(type)) {
    throw new AppError('FORBIDDEN', `"${type}" is issued by the server itself or through its own endpoint, never through POST /commands.`);
  }
  const command = validate(Command, fields, type);
  return { command, ...envelope };
}

export function createEngagementRouter(deps: {
  engagements: EngagementService;
  clock: Clock;
  authenticator: Authenticator;
  publicUrl: string;
}): Router {
  const { engagements, clock } = deps;
  const router = Router();
  router.use('/engagements', deps.authenticator.requireUser);
  const serverNow = () => clock.now().toISOString();

  router.post('/engagements', requireJson, async (req, res) => {
    const principal = principalOf(res);
    if (principal.scope) {
      throw new AppError(
        'FORBIDDEN',
        'An invitation session can only take part in the engagement it was issued for; sign in through Teams to create engagements.',
      );
    }
    const input = validate(CreateEngagementBody, req.body ?? {}, 'engagement.create');
    const view = await engagements.create(principal.user, input);
    res.status(201).json({ ...view, serverNow: serverNow() });
  });

  router.get('/engagements', (_req, res) => {
    const principal = principalOf(res);
    const rows = engagements.list(principal.user);
    res.json(principal.scope ? rows.filter((row) => row.id === principal.scope!.engagementId) : rows);
  });

  router.get('/engagements/:id', (req, res) => {
    const { principal, engagementId } = scopedEngagement(res, req.params.id);
    const view = engagements.get(engagementId, viewerOf(principal));
    res.json({ ...view, serverNow: serverNow() });
  });

  router.post('/engagements/:id/invitations', requireJson, async (req, res) => {
    const { principal, engagementId } = scopedEngagement(res, req.params.id);
    const input = validate(CreateInvitationBody, req.body ?? {}, 'invitation.create');
    const created = await engagements.createInvitation(engagementId, principal.user, input);
    res.status(201).json({
      invitationId: created.invitationId,
      code: created.code,
      // A fragment: browsers never send it to a server, so the code stays out of every log (ASVS 14.2.1).
      url: `${deps.publicUrl}/join#code=${encodeURIComponent(created.code)}`,
      expiresAt: created.expiresAt,
    });
  });

  router.post('/engagements/:id/commands', requireJson, async (req, res) => {
    const { principal, engagementId } = scopedEngagement(res, req.params.id);
    const actor = actorOf(principal);
    // LIMIT-1: before parsing, so that a refusal costs next to nothing; held, so that a script in a loop slows down.
    const refusal = engagements.admitCommand(engagementId, actor);
    if (refusal) await holdRefusal(refusal);
    const { command, commandId, expectedVersion } = parseCommandRequest(req.body);
    const result = await engagements.execute(engagementId, actor, command, { commandId, expectedVersion });
    res.json({ version: result.version, events: result.events });
  });

  router.get('/engagements/:id/replan', (req, res) => {
    const { principal, engagementId } = scopedEngagement(res, req.params.id);
    const query = validate(ReplanQuery, { ...req.query }, 'time.replan preview');
    res.json(engagements.replanPreview(engagementId, viewerOf(principal), query.strategy, query.minSeconds, query.questionId));
  });

  return router;
}
