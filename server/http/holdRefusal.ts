import type { AppError } from '../appError.js';

/**
 * LIMIT-1: a command refused for its rate is answered after this long. A refusal then costs a timer and an
 * idle socket, and a script in a tight loop (64 loops in the flood) sends about one request per loop
 * and second instead of keeping the server's one thread busy with refusals: answered at once, the refusals
 * themselves took the Chair's p50 from 12 to 187 ms (`npm run bench`, flood). A person who clicked once too
 * often waits a second for the same answer.
 */
export const REFUSAL_HOLD_MS = 1_000;

/** Waits REFUSAL_HOLD_MS (a real timer: transport pacing, not engagement time), then throws the refusal. */
export async function holdRefusal(refusal: AppError): Promise<never> {
  await new Promise((resolve) => setTimeout(resolve, REFUSAL_HOLD_MS));
  throw refusal;
}
