import express, { type Router } from 'express';
import { AppError } from '../appError.js';
import { sendProblem } from './problem.js';

// Liveness and readiness, for load balancers and container orchestrators. /api/health: the process
// answers (never touches the store, so a stuck database does not get the process restarted in a loop).
// /api/ready: the store answers a query within READY_TIMEOUT_MS; 503 problem+json otherwise, so traffic
// goes elsewhere until it does.

export const READY_TIMEOUT_MS = 2000;

export interface HealthDeps {
  version: string;
  storage: 'sqlite' | 'postgres';
  livekit: 'configured' | 'not-configured';
  /** Resolves (or returns) when the store answers a query; throws or rejects when it does not. */
  checkStorage?: () => Promise<void> | void;
  readyTimeoutMs?: number;
}

function withTimeout(check: () => Promise<void> | void, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([Promise.resolve().then(check), late]).finally(() => clearTimeout(timer));
}

export function createHealthRouter(deps: HealthDeps): Router {
  const router = express.Router();
  const { version, storage, livekit } = deps;
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok', version, storage, livekit });
  });
  router.get('/ready', async (_req, res) => {
    try {
      await withTimeout(deps.checkStorage ?? (() => undefined), deps.readyTimeoutMs ?? READY_TIMEOUT_MS);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      sendProblem(
        res,
        new AppError('STORAGE_UNAVAILABLE', `The store does not answer (${reason}); this instance cannot serve requests until it does.`),
      );
      return;
    }
    res.json({ status: 'ready', version, storage, livekit });
  });
  return router;
}
