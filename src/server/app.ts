// buildApp: the Fastify application with the platform plugins and every module's routes, registered explicitly.
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { validatorCompiler } from './platform/validation.js';
import type { Deps } from './platform/context.js';
import { frameworkErrorHandler, installHttpPlatform, sendRouteNotFound } from './platform/http.js';
import { installSecurityHeaders } from './platform/security.js';
import { newId } from './platform/ids.js';
import { accountRoutes, installAuth } from './modules/accounts/index.js';
import { auditRoutes } from './modules/audit/index.js';
import { orgRoutes } from './modules/org/index.js';
import { systemRoutes } from './modules/system/index.js';
import { activityFactsForRecords, activityRoutes, countPublishedOfTeam } from './modules/activities/index.js';
import {
  acceptedMinutesAllTime,
  activityFacts,
  recordRoutes,
  starFacts,
  teamServiceTotals,
  volunteerRating,
} from './modules/records/index.js';
import { pastServiceRoutes } from './modules/records/past-service.routes.js';
import { openingBalanceRoutes } from './modules/ledger/index.js';
import { settingsRoutes } from './modules/settings/index.js';
import { serviceFacts, volunteerRoutes } from './modules/volunteers/index.js';
import { expireLastYear, ledgerRoutes, signLedgerHeads, startLedgerWorker } from './modules/ledger/index.js';
import { sealAuditEvents, signAuditHeads } from './platform/audit.chain.js';
import { startWorker } from './platform/worker.js';
import { onEventsCommitted } from './platform/events.js';
import { projectRoutes } from './modules/projects/index.js';
import { suggestionRoutes } from './modules/suggestions/index.js';
import { notificationRoutes, startNotificationWorker } from './modules/notifications/index.js';
import { expireVouchers, findFiledMerchant, mallRoutes } from './modules/mall/index.js';
import { invitationRoutes, needRoutes } from './modules/needs/index.js';
import { mediationRoutes } from './modules/mediation/index.js';
import { careRoutes, startCareWorker } from './modules/care/index.js';
import { serviceMapRoutes } from './modules/servicemap/index.js';
import { reportRoutes, startReportWorker } from './modules/reports/index.js';
import { privacyRoutes } from './modules/privacy/index.js';
import { effectiveStarLevel, starRoutes, startStarWorker } from './modules/recognition/index.js';

// Ports: lower modules declare what they need from upper ones; the upper modules' functions are plugged in here,
// once, at load (records show activity facts, records.ports.ts; volunteers show service facts, volunteers.ports.ts).
activityFacts.provide(activityFactsForRecords);
serviceFacts.provide({
  acceptedMinutes: acceptedMinutesAllTime,
  teamServiceTotals,
  teamActivityCount: countPublishedOfTeam,
  volunteerRating,
});
starFacts.provide({ effectiveLevel: effectiveStarLevel });

export interface AppOptions {
  /** Pino logger options, or false for none (tests). */
  logger?: boolean | Record<string, unknown>;
  /** Serve the built web apps from config.webDir. */
  serveWeb?: boolean;
  /** Run background jobs (the ledger's event consumer, expiry); tests drive them directly instead. */
  backgroundJobs?: boolean;
}

/** Builds the HTTP application around the given dependencies. */
export async function buildApp(deps: Deps, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    // One line per request is noise at the default level: platform/http.ts logs requests at debug, and only
    // failed (5xx) and slow ones above it.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => newId(),
    // Only the configured proxies are believed about the client's address (TRUST_PROXY; none by default).
    trustProxy: deps.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    frameworkErrors: frameworkErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installHttpPlatform(app);
  await installSecurityHeaders(app, deps.config);

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'linli (邻里) API',
        description:
          '社区志愿服务与公益银行平台 API。错误统一为 {code, message, details}；message 默认中文，Accept-Language: en 时为英文。',
        version: '1.0.0',
      },
      components: {
        securitySchemes: {
          cookieAuth: { type: 'apiKey', in: 'cookie', name: 'linli_sid' },
          bearerAuth: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ cookieAuth: [] }, { bearerAuth: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  installAuth(app, deps);
  systemRoutes(app, deps);
  accountRoutes(app, deps);
  orgRoutes(app, deps);
  auditRoutes(app, deps);
  settingsRoutes(app, deps);
  volunteerRoutes(app, deps);
  activityRoutes(app, deps);
  recordRoutes(app, deps);
  pastServiceRoutes(app, deps);
  openingBalanceRoutes(app, deps);
  // Merchants reach the ledger through this resolver: the mall imports the ledger, so the ledger cannot import the mall.
  ledgerRoutes(app, deps, { contributors: { findFiledMerchant } });
  mallRoutes(app, deps);
  projectRoutes(app, deps);
  suggestionRoutes(app, deps);
  notificationRoutes(app, deps);
  needRoutes(app, deps);
  invitationRoutes(app, deps);
  mediationRoutes(app, deps);
  careRoutes(app, deps);
  serviceMapRoutes(app, deps);
  reportRoutes(app, deps);
  privacyRoutes(app, deps);
  starRoutes(app, deps);

  if (opts.backgroundJobs !== false) {
    const worker = startLedgerWorker(
      deps,
      (err) => app.log.error({ err }, 'ledger job failed'),
      async () => {
        await expireLastYear(deps);
        await expireVouchers(deps);
      },
    );
    const off = onEventsCommitted(deps.db, worker.nudge);
    app.addHook('onClose', async () => {
      off();
      await worker.stop();
    });
    // Issue 14: seal new audit events every few seconds (a full scan at start and hourly), sign each district's ledger
    // and audit heads once a day (checked every ten minutes; idempotent per district and day).
    let sealedFully = 0;
    const sealer = startWorker({
      everyMs: 5000,
      onError: (err) => app.log.error({ err }, 'audit sealing failed'),
      job: async () => {
        const fullScan = Date.now() - sealedFully > 3600_000;
        await sealAuditEvents(deps, { fullScan });
        if (fullScan) sealedFully = Date.now();
      },
    });
    const signer = startWorker({
      everyMs: 600_000,
      onError: (err) => app.log.error({ err }, 'ledger head signing failed'),
      job: async () => {
        for (const s of await signLedgerHeads(deps)) {
          if (s.refused) app.log.error({ districtId: s.districtId, why: s.refused }, 'ledger head not signed');
        }
        await sealAuditEvents(deps);
        for (const s of await signAuditHeads(deps)) {
          if (s.refused) app.log.error({ districtId: s.districtId, why: s.refused }, 'audit head not signed');
        }
      },
    });
    app.addHook('onClose', async () => {
      await sealer.stop();
      await signer.stop();
    });
    // Notices from the same outbox (its own consumer), external deliveries, reminders (notifications/).
    const notifier = startNotificationWorker(deps, (err) => app.log.error({ err }, 'notifications job failed'));
    const offNotify = onEventsCommitted(deps.db, notifier.nudge);
    app.addHook('onClose', async () => {
      offNotify();
      await notifier.stop();
    });
    // Grid reports: overdue ones escalate, resolved ones unanswered for days are confirmed (reports/reports.jobs.ts).
    const reportJobs = startReportWorker(deps, (err) => app.log.error({ err }, 'report jobs failed'));
    app.addHook('onClose', async () => {
      await reportJobs.stop();
    });
    // Star levels: accepted hours crossing a threshold start publicity (公示); ended periods take effect (recognition/).
    const starJobs = startStarWorker(deps, (err) => app.log.error({ err }, 'star jobs failed'));
    const offStars = onEventsCommitted(deps.db, starJobs.nudge);
    app.addHook('onClose', async () => {
      offStars();
      await starJobs.stop();
    });
    // The care registry: alert colours and one notice a day per yellow/red person (care/care.jobs.ts).
    const careJobs = startCareWorker(deps, (err) => app.log.error({ err }, 'care jobs failed'));
    app.addHook('onClose', async () => {
      await careJobs.stop();
    });
  }

  const h5Dir = path.join(deps.config.webDir, 'h5');
  const consoleDir = path.join(deps.config.webDir, 'console');
  const serveWeb = opts.serveWeb !== false && fs.existsSync(path.join(h5Dir, 'index.html'));
  if (serveWeb) {
    // Wildcard routes read files on request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: h5Dir, prefix: '/', index: ['index.html'] });
    if (fs.existsSync(path.join(consoleDir, 'index.html'))) {
      await app.register(fastifyStatic, { root: consoleDir, prefix: '/admin/', decorateReply: false });
    }
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api')) return sendRouteNotFound(req, reply);
    if (!serveWeb) {
      return reply.status(404).type('text/plain; charset=utf-8').send('Web apps are not built: run `npm run build`.');
    }
    // Single-page apps: unknown paths load the app, which routes on the client.
    const isConsole = req.url === '/admin' || req.url.startsWith('/admin/');
    const file = path.join(isConsole ? consoleDir : h5Dir, 'index.html');
    if (!fs.existsSync(file)) return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
    return reply.type('text/html; charset=utf-8').send(fs.readFileSync(file));
  });
  return app;
}
