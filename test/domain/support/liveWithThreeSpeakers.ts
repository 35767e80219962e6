import { given, type EngagementBuilder } from './engagementBuilder.js';

/** Live, questions q1 and q2 (neither open), three approved speakers: stakeholders ngo and uni, delegation kenya. */
export const liveWithThreeSpeakers = (): EngagementBuilder =>
  given()
    .engagement()
    .question('q1')
    .question('q2')
    .open()
    .participant('ngo')
    .participant('kenya', { role: 'delegation' })
    .participant('uni')
    .start();
