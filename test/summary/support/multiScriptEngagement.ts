import type { EngagementState, Participant } from '../../../server/domain/state.js';
import { smallEngagement } from './smallEngagement.js';

// The small engagement with its people and organizations renamed across scripts (issue 11): Arabic, Chinese,
// Russian and accented Latin, and an English organization name inside an Arabic one, as delegations and
// stakeholders type them at registration; and two more who asked for the floor and withdrew: a Korean
// delegate (Hangul, which Noto Sans SC does not draw) and a Japanese stakeholder (kanji and kana).

const NAMES: Record<string, { displayName: string; organization: string }> = {
  kenya: { displayName: 'فاطمة الزهراء', organization: 'مصر' },
  brazil: { displayName: 'Zoë Ñúñez-Ørsted', organization: 'Brasil, Missão Permanente' },
  cpi: { displayName: '王小明', organization: '中国网络空间安全协会' },
  uni: { displayName: 'Ольга Петрова', organization: 'Российский университет дружбы народов' },
  xss: { displayName: 'Nguyễn Thị Hằng', organization: 'مؤسسة الحوار الرقمي (Digital Dialogue Foundation)' },
};

/** Who joins the small engagement's people here, and the request each made on the first question. */
const MORE: {
  participant: Pick<Participant, 'id' | 'displayName' | 'organization' | 'category' | 'region' | 'role'>;
  requestedAt: string;
}[] = [
  {
    participant: {
      id: 'korea',
      displayName: '김민준',
      organization: '대한민국',
      category: 'member-state',
      region: 'asia-pacific',
      role: 'delegation',
    },
    requestedAt: '2026-12-02T14:09:30.000Z',
  },
  {
    participant: {
      id: 'japan-lab',
      displayName: '佐藤ゆき',
      organization: 'サイバーセキュリティ・ラボ',
      category: 'technical-community',
      region: 'asia-pacific',
      role: 'stakeholder',
    },
    requestedAt: '2026-12-02T14:10:00.000Z',
  },
];

export function multiScriptEngagement(): EngagementState {
  const state = smallEngagement();
  const participants: Record<string, Participant> = Object.fromEntries(
    Object.entries(state.participants).map(([id, p]) => [
      id,
      NAMES[id] ? { ...p, ...NAMES[id], country: p.role === 'delegation' ? NAMES[id].organization : p.country } : p,
    ]),
  );
  const requests = { ...state.requests };
  const template = state.participants.kenya;
  for (const [i, { participant, requestedAt }] of MORE.entries()) {
    participants[participant.id] = {
      ...template,
      ...participant,
      country: participant.role === 'delegation' ? participant.organization : null,
      accreditation: participant.role === 'stakeholder' ? 'ecosoc' : null,
    };
    const id = `r-more-${i + 1}`;
    requests[id] = { ...state.requests.r4, id, participantId: participant.id, requestedAt, status: 'withdrawn' };
  }
  return {
    ...state,
    settings: { ...state.settings, title: 'Consultation informelle — 信息通信技术 — неофициальная' },
    participants,
    requests,
  };
}
