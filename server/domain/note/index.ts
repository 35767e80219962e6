// The Chair's team's notes: on a speech, a question or the meeting; secretariat-only or public (NOTE-1..3).
export { decideNote, type NoteCommand } from './decideNote.js';
export { evolveNote, type NoteEvent } from './evolveNote.js';
