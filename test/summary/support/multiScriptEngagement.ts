import type { EngagementState } from '../../../server/domain/state.js';
import { smallEngagement } from './smallEngagement.js';

// The small engagement with its people and organizations renamed across scripts (issue 11): Arabic, Chinese,
// Russian and accented Latin, and an English organization name inside an Arabic one, as delegations and
// stakeholders type them at registration.

const NAMES: Record<string, { displayName: string; organization: string }> = {
  kenya: { displayName: 'فاطمة الزهراء', organization: 'مصر' },
  brazil: { displayName: 'Zoë Ñúñez-Ørsted', organization: 'Brasil, Missão Permanente' },
  cpi: { displayName: '王小明', organization: '中国网络空间安全协会' },
  uni: { displayName: 'Ольга Петрова', organization: 'Российский университет дружбы народов' },
  xss: { displayName: 'Nguyễn Thị Hằng', organization: 'مؤسسة الحوار الرقمي (Digital Dialogue Foundation)' },
};

export function multiScriptEngagement(): EngagementState {
  const state = smallEngagement();
  const participants = Object.fromEntries(
    Object.entries(state.participants).map(([id, p]) => [
      id,
      NAMES[id] ? { ...p, ...NAMES[id], country: p.role === 'delegation' ? NAMES[id].organization : p.country } : p,
    ]),
  );
  return { ...state, settings: { ...state.settings, title: 'Consultation informelle — 信息通信技术 — неофициальная' }, participants };
}
