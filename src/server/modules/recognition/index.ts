// The recognition module's public door: star-level promotions, their publicity (公示) and objections.
// It sits above records (it reads accepted minutes and consumes their events); records read the held level through
// the certificate port app.ts fills with effectiveStarLevel.
export { starRoutes } from './stars.routes.js';
export { detectPromotion, effectiveStarLevel, getStarLevels, settleEndedPublicity } from './stars.service.js';
export { consumeStarEvents, runStarJobs, startStarWorker, STAR_CONSUMER } from './stars.jobs.js';
