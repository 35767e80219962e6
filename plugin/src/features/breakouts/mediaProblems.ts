// Words for what can go wrong with the camera and microphone, by livekit-client's MediaDeviceFailure names
// (kept as strings so this file, and the panel that uses it, stay out of the LiveKit chunk). Inside Teams
// the tab's iframe often has no device permission at all, so the way out is named.

import { i18n } from '../../i18n/i18n.js';

export type DeviceFailure = 'PermissionDenied' | 'NotFound' | 'DeviceInUse' | 'Other';

export function deviceFailureMessage(failure: DeviceFailure | string | undefined, kind: string | undefined, inTeams: boolean): string {
  const device = i18n.t(
    kind === 'videoinput' ? 'breakouts.device.camera' : kind === 'audioinput' ? 'breakouts.device.microphone' : 'breakouts.device.either',
  );
  switch (failure) {
    case 'PermissionDenied':
      return i18n.t(inTeams ? 'breakouts.device.deniedTeams' : 'breakouts.device.deniedBrowser', { device });
    case 'NotFound':
      return i18n.t('breakouts.device.notFound', { device });
    case 'DeviceInUse':
      return i18n.t('breakouts.device.inUse', { device });
    default:
      return i18n.t('breakouts.device.other', { device });
  }
}

/** Why the room closed, in words (livekit-client DisconnectReason names; ROOM_DELETED = the round ended). */
export function disconnectMessage(reason: string | number | undefined): string {
  // DisconnectReason is a numeric enum in livekit-client: 1 CLIENT_INITIATED, 2 DUPLICATE_IDENTITY, 5 ROOM_DELETED.
  if (reason === 1 || reason === 'CLIENT_INITIATED') return i18n.t('breakouts.left.self');
  if (reason === 2 || reason === 'DUPLICATE_IDENTITY') return i18n.t('breakouts.left.duplicate');
  if (reason === 5 || reason === 'ROOM_DELETED') return i18n.t('breakouts.left.closed');
  return i18n.t('breakouts.left.lost');
}
