import type { RoomOptions } from 'livekit-client';

// The breakout room's media options, as LiveKit's own examples set them (livekit-client leaves both off):
// adaptiveStream subscribes each video at the size it is shown (and pauses what is hidden), dynacast stops
// publishing simulcast layers nobody watches. One module-level object: LiveKitRoom builds a new Room when
// its `options` change identity.
export const ROOM_OPTIONS: RoomOptions = { adaptiveStream: true, dynacast: true };
