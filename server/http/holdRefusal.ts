import type { AppError } from '../appError.js';

/**
 * LIMIT-1: a command refused for its rate is answered after about a second (0.5–1.5 s). A refusal then costs a
 * timer and an idle socket, and a script in a tight loop (64 loops in the flood) sends about one
 * request per loop and second instead of keeping the server's one thread busy with refusals: answered at
 * once, the refusals themselves took the Chair's p50 from 12 to 187 ms (`npm run bench`, flood). The jitter
 * keeps the loops from coming back all in the same instant. A person who clicked once too often waits about a
 * second for the same answer.
 */
export const refusalHoldMs = (random = Math.random()): number => Math.round(500 + random * 1_000);

/** Waits refusalHoldMs (a real timer: transport pacing, not engagement time), then throws the refusal. */
export async function holdRefusal(refusal: AppError): Promise<never> {
  await new Promise((resolve) => setTimeout(resolve, refusalHoldMs()));
  throw refusal;
}
