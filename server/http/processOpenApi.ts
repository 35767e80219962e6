import { toSchema } from './openApi.js';
import type { OpenApiAdditions } from './ApiExtension.js';
import { queryParameters } from './openApiOperations.js';
import { AnnexQuery, CreateProcessBody, LinkEngagementBody, PortalQuery, ProposalDraftQuery } from './wireSchemas.js';
import { ProcessCommand } from '../domain/process/commands.js';

// What the process routes (processRoutes.ts) add to /api/openapi.json; docs/api.md "Processes" says the same in words.

const json = (name: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } });
const ok = (description: string) => ({ '200': { description } });

export function processOpenApi(): OpenApiAdditions {
  return {
    schemas: {
      CreateProcessBody: toSchema(CreateProcessBody),
      LinkEngagementBody: toSchema(LinkEngagementBody),
      ProcessCommand: toSchema(ProcessCommand),
    },
    paths: {
      '/api/processes': {
        post: {
          summary: 'Create a process (PROCESS-1): the creator becomes its Chair. Not on an invitation session.',
          requestBody: { required: true, ...json('CreateProcessBody') },
          responses: {
            '201': { description: 'The process as its Chair sees it (ProcessView) and serverNow' },
            '400': { description: 'INVALID_INPUT' },
            '403': { description: 'FORBIDDEN' },
          },
        },
        get: { summary: 'The processes I am a member of: [{ id, title, role }]', responses: ok('The list') },
      },
      '/api/processes/{processId}': {
        get: {
          summary: 'The process as I may see it (PROCESS-VIEW-1..5: staff, participant, or the portal view for a non-member)',
          responses: { ...ok('ProcessView and serverNow'), '404': { description: 'NOT_FOUND' } },
        },
      },
      '/api/processes/{processId}/commands': {
        post: {
          summary:
            'Issue a process command (proposal.*, paper.*, feedback.*, process.* but process.create), with optional commandId and expectedVersion',
          requestBody: { required: true, ...json('ProcessCommand') },
          responses: {
            ...ok('{ version, events }'),
            '400': { description: 'INVALID_INPUT' },
            '403': { description: 'FORBIDDEN (PROCESS-2 and the standing rules)' },
            '404': { description: 'NOT_FOUND' },
            '409': { description: 'RULE_VIOLATION naming the rule, or VERSION_CONFLICT' },
          },
        },
      },
      '/api/processes/{processId}/engagements': {
        post: {
          summary: 'Link an engagement you are Chair or secretariat of (PROCESS-6); its title is taken from the engagement',
          requestBody: { required: true, ...json('LinkEngagementBody') },
          responses: {
            ...ok('{ version, events }'),
            '403': { description: 'FORBIDDEN' },
            '404': { description: 'NOT_FOUND' },
            '409': { description: 'RULE_VIOLATION' },
          },
        },
      },
      '/api/processes/{processId}/drafts': {
        get: {
          summary:
            "A draft proposal.putForward from an engagement's record (PROPOSAL-12; staff): an intervention with its note, a written input, a room's report line",
          parameters: queryParameters(ProposalDraftQuery),
          responses: {
            ...ok('The draft command, to edit and POST to /commands'),
            '403': { description: 'FORBIDDEN' },
            '404': { description: 'NOT_FOUND' },
          },
        },
      },
      '/api/processes/{processId}/annex': {
        get: {
          summary: 'The progress-report annex (ANNEX-1..4; staff) as a file: md, html, docx, pdf, json or csv',
          parameters: queryParameters(AnnexQuery),
          responses: { ...ok('The file, with a Content-Disposition file name'), '403': { description: 'FORBIDDEN' } },
        },
      },
      '/api/processes/{processId}/attachments': {
        post: {
          summary:
            'Upload a concept paper file (PAPER-1: PDF, DOCX, ODT, TXT, Markdown; checked by content; size-limited), then name it in paper.submit or paper.revise',
          requestBody: {
            content: {
              'multipart/form-data': {
                schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
              },
            },
          },
          responses: {
            '201': { description: '{ id, filename, size, sha256, contentType }' },
            '403': { description: 'FORBIDDEN' },
            '413': { description: 'Too large' },
            '415': { description: 'Not an accepted document' },
          },
        },
      },
      '/api/processes/{processId}/attachments/{attachmentId}': {
        get: {
          summary: "Download a concept paper's file (who sees that version of the paper: PROCESS-VIEW-2, 5)",
          responses: { ...ok('The file, as an attachment'), '403': { description: 'FORBIDDEN' } },
        },
      },
      '/api/processes/{processId}/stream': {
        get: {
          summary:
            'The live stream of the process (SSE): a snapshot (ProcessView), then one change per event, redacted for me (PROCESS-VIEW-6); resumable with Last-Event-ID',
          responses: ok('text/event-stream'),
        },
      },
      '/p/{processId}': {
        get: {
          summary:
            'The portal page (no sign-in, PROCESS-VIEW-5): published concept papers by theme and guiding question, as HTML in one of the six languages',
          security: [],
          parameters: queryParameters(PortalQuery),
          responses: { ...ok('text/html'), '404': { description: 'NOT_FOUND' } },
        },
      },
      '/p/{processId}/papers/{paperId}/{version}': {
        get: {
          summary: "A published concept paper's file (no sign-in)",
          security: [],
          responses: { ...ok('The file, as an attachment'), '404': { description: 'NOT_FOUND' } },
        },
      },
    },
  };
}
