import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngagementState, Membership } from '../../../../server/domain/index.js';
import { useAnnounce } from '../../components/Announcer.js';
import { currentSpeaker, nameOf } from './selectors.js';

/**
 * Says who has the floor when it changes ("Amina Diallo has the floor", or "You have the floor" to the
 * speaker), through the surface's live region. Not on the first render: the page already shows it.
 */
export function useFloorAnnouncement(state: EngagementState, me: Membership | null): void {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const speaker = currentSpeaker(state);
  const key = speaker?.request.id ?? null;
  const last = useRef(key);
  useEffect(() => {
    if (last.current === key) return;
    last.current = key;
    if (!speaker) announce(t('a11y.announce.nobody'));
    else if (me?.participantId && speaker.request.participantId === me.participantId) announce(t('a11y.announce.youHaveTheFloor'));
    else announce(t('a11y.announce.hasTheFloor', { name: nameOf(speaker.participant) }));
    // Only a change of speaker is news; a re-render with the same speaker is not.
  }, [key]);
}
