/**
 * Limits far above what any test does, so that tests about something else never meet one (SPEC LIMIT-*): the
 * defaults of createTestApp and of the e2e server. A test of a limit sets it in its own environment.
 */
export const GENEROUS_LIMITS: Record<string, string> = {
  COMMAND_BURST: '1000000',
  COMMAND_RATE_PER_SECOND: '1000000',
  INPUTS_PER_PARTICIPANT: '1000000',
  ATTACHMENTS_PER_PARTICIPANT: '1000000',
  ATTACHMENT_TOTAL_BYTES_PER_ENGAGEMENT: String(1024 ** 4),
  STREAMS_PER_PARTICIPANT: '100000',
  STREAMS_PER_STAFF: '100000',
  STREAMS_PER_INSTANCE: '1000000',
  ANONYMOUS_REQUESTS_PER_MINUTE: '1000000',
};
