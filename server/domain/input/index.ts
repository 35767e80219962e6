// Written inputs: statements and concept papers tied to a question; the answer to a deferral (DEFER-2).
export { decideInput, type InputCommand } from './decideInput.js';
export { evolveInput, type InputEvent } from './evolveInput.js';
export { inputQuotaOf, inputsLeft } from './inputQuota.js';
