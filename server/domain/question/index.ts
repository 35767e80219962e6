// Guiding questions: prepared in advance, opened one at a time during the meeting (Q-1..8).
export { decideQuestion, type QuestionCommand } from './decideQuestion.js';
export { evolveQuestion, type QuestionEvent } from './evolveQuestion.js';
