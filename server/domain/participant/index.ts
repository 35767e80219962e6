// Registration, accreditation (approval, decline, the non-objection procedure) and roles (PART-1..10).
export { decideParticipant, type ParticipantCommand } from './decideParticipant.js';
export { evolveParticipant, type ParticipantEvent } from './evolveParticipant.js';
export { participantOfUser } from './participantOfUser.js';
