// Resolves the session (cookie or bearer token) of every request and enforces CSRF on cookie writes.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { SESSION_IDLE_MS } from './accounts.rules.js';
import { authenticate } from './accounts.service.js';

export const SESSION_COOKIE = 'linli_sid';
export const CSRF_COOKIE = 'linli_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** What a person with a temporary password may call (logout is public). */
const PASSWORD_CHANGE_ROUTES = new Set(['/api/v1/me/password']);

/** Sets the session and CSRF cookies after login or registration. */
export function setSessionCookies(reply: FastifyReply, deps: Deps, token: string, csrfToken: string): void {
  const base = {
    path: '/',
    sameSite: 'lax' as const,
    secure: deps.config.cookieSecure,
    maxAge: SESSION_IDLE_MS / 1000,
  };
  reply.setCookie(SESSION_COOKIE, token, { ...base, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, csrfToken, { ...base, httpOnly: false });
}

/** Clears both cookies on logout. */
export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

/** Installs the authentication hook on the API routes. */
export function installAuth(app: FastifyInstance, deps: Deps): void {
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const header = req.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
    const token = bearer || req.cookies[SESSION_COOKIE];
    if (!token) return;
    const auth = await authenticate(deps, token, req.id);
    if (!auth) return;
    req.actor = auth.actor;
    req.auth = {
      sessionId: auth.sessionId,
      via: bearer ? 'bearer' : 'cookie',
      csrfToken: auth.csrfToken,
      mustChangePassword: auth.mustChangePassword,
    };
  });

  // Before validation: a missing session is a 401 whatever the body, and a forged write a 403.
  app.addHook('preValidation', async (req) => {
    const config = req.routeOptions.config;
    if (!req.routeOptions.url) return; // unknown route: let the 404 answer
    if (req.url.startsWith('/api/v1/') && !config?.public && !req.actor) throw new AppError('UNAUTHENTICATED');
    // A temporary password (set by staff) opens nothing but changing it; public pages stay public.
    if (
      req.auth?.mustChangePassword &&
      req.url.startsWith('/api/v1/') &&
      !config?.public &&
      !PASSWORD_CHANGE_ROUTES.has(req.routeOptions.url)
    ) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
    // A cookie-authenticated write must echo the CSRF token; bearer clients are immune to CSRF.
    if (!UNSAFE.has(req.method) || req.auth?.via !== 'cookie') return;
    if (config?.csrf === false) return;
    const sent = req.headers['x-csrf-token'];
    if (sent !== req.auth.csrfToken) throw new AppError('CSRF_FAILED');
  });
}
