// The engagement's life: draft → open → live → ended (LIFE-1..4), and its settings.
export { decideEngagement, type EngagementCommand } from './decideEngagement.js';
export { evolveEngagement, type EngagementLifeEvent } from './evolveEngagement.js';
