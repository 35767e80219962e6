// The agenda with planned minutes, and what actually ran (AGENDA-1..7).
export { decideAgenda, agendaItemToBegin, type AgendaCommand } from './decideAgenda.js';
export { evolveAgenda, type AgendaEvent } from './evolveAgenda.js';
