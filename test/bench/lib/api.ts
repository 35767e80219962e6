// A small client of Convene's public HTTP API for benchmarks (written against docs/api.md, like outside clients).

export class Api {
  constructor(
    readonly baseUrl: string,
    readonly token = '',
  ) {}

  async call<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  async ok<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const { status, body: answer } = await this.call<T>(method, path, body);
    if (status >= 300) throw new Error(`${method} ${path} → ${status} ${JSON.stringify(answer)}`);
    return answer;
  }

  command(engagementId: string, command: Record<string, unknown>) {
    return this.ok(`POST`, `/api/engagements/${engagementId}/commands`, command);
  }

  static async signIn(baseUrl: string, displayName: string): Promise<Api> {
    const { token } = await new Api(baseUrl).ok<{ token: string }>('POST', '/api/auth/dev', { displayName });
    return new Api(baseUrl, token);
  }
}

/** Runs `task` over `items` with at most `limit` at once. */
export async function pool<T, R>(items: T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index], index);
      }
    }),
  );
  return results;
}

export interface Meeting {
  chair: Api;
  engagementId: string;
  questionId: string;
  /** Bearer tokens of approved stakeholders, in the order they were admitted. */
  memberTokens: string[];
}

/**
 * A live engagement with `members` approved stakeholders and an open question, set up through the API
 * (invitation per stakeholder, redeemed: two commands each).
 */
export async function setUpMeeting(baseUrl: string, members: number): Promise<Meeting> {
  const chair = await Api.signIn(baseUrl, 'Bench Chair');
  const view = await chair.ok('POST', '/api/engagements', { title: 'Benchmark engagement', speakingSeconds: 180 });
  const engagementId: string = view.id;
  await chair.command(engagementId, { type: 'question.add', text: 'How can capacity-building be made needs-based?' });
  await chair.command(engagementId, { type: 'engagement.open' });
  await chair.command(engagementId, { type: 'engagement.start' });
  const after = await chair.ok('GET', `/api/engagements/${engagementId}`);
  const questionId: string = after.questions[0].id;
  await chair.command(engagementId, { type: 'question.open', questionId });
  const memberTokens = await pool(
    Array.from({ length: members }, (_, i) => i),
    16,
    async (i) => {
      const invitation = await chair.ok('POST', `/api/engagements/${engagementId}/invitations`, {
        role: 'stakeholder',
        displayName: `Stakeholder ${i + 1}`,
        organization: `Organization ${i + 1}`,
        category: (['ngo', 'academia', 'private-sector', 'technical-community'] as const)[i % 4],
      });
      const redeemed = await new Api(baseUrl).ok<{ token: string }>('POST', '/api/auth/invitation', { code: invitation.code });
      return redeemed.token;
    },
  );
  return { chair, engagementId, questionId, memberTokens };
}
