// Words for what can go wrong with the camera and microphone, by livekit-client's MediaDeviceFailure names
// (kept as strings so this file, and the panel that uses it, stay out of the LiveKit chunk). Inside Teams
// the tab's iframe often has no device permission at all (notes/livekit.md §5.3), so the way out is named.

export type DeviceFailure = 'PermissionDenied' | 'NotFound' | 'DeviceInUse' | 'Other';

export function deviceFailureMessage(failure: DeviceFailure | string | undefined, kind: string | undefined, inTeams: boolean): string {
  const device = kind === 'videoinput' ? 'camera' : kind === 'audioinput' ? 'microphone' : 'camera or microphone';
  switch (failure) {
    case 'PermissionDenied':
      return inTeams
        ? `Teams did not let Convene use your ${device}. In the Teams web client, open the tab’s “App permissions” and allow media, then reload; in the side panel Teams may not allow it at all — use “Open in browser”.`
        : `The browser blocked your ${device}. Allow it for this site (the icon at the left of the address bar), then join again.`;
    case 'NotFound':
      return `No ${device} was found. Plug one in, or join with it turned off.`;
    case 'DeviceInUse':
      return `Your ${device} is in use by another application (Teams itself, perhaps). Turn it off there, or join with it turned off here.`;
    default:
      return `Your ${device} could not be started. Join with it turned off, or try “Open in browser”.`;
  }
}

/** Why the room closed, in words (livekit-client DisconnectReason names; ROOM_DELETED = the round ended). */
export function disconnectMessage(reason: string | number | undefined): string {
  // DisconnectReason is a numeric enum in livekit-client: 1 CLIENT_INITIATED, 2 DUPLICATE_IDENTITY, 5 ROOM_DELETED.
  if (reason === 1 || reason === 'CLIENT_INITIATED') return 'You left the breakout room.';
  if (reason === 2 || reason === 'DUPLICATE_IDENTITY') return 'You joined this room from another window or device, so this one was disconnected.';
  if (reason === 5 || reason === 'ROOM_DELETED') return 'The breakout room has closed: the round ended. Everyone is back in plenary.';
  return 'The connection to the breakout room was lost. Join again if the round is still running.';
}
