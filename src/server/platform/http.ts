// Fastify plumbing shared by every module: request locale and actor, the one error handler, CSRF.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { collectWriteRoutes } from './auditDeclaration.js';
import { AppError } from './errors.js';
import { ERROR_TEXTS, FIELD_TEXTS, type Locale, pickLocale, translate, VALIDATION_TEXTS } from './messages.js';
import type { Actor } from './permissions.js';

export interface AuthInfo {
  sessionId: string;
  via: 'cookie' | 'bearer';
  csrfToken: string;
  /** The password was set by staff and must be changed first (accounts.auth.ts). */
  mustChangePassword?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    auth: AuthInfo | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    /** false on routes that must work without a CSRF header (login, register). */
    csrf?: boolean;
    /** true on routes anyone may call without logging in. */
    public?: boolean;
  }
}

/** A request slower than this is logged as a warning; faster ones only at debug. */
export const SLOW_REQUEST_MS = 1000;

/** The logged-in actor, or a 401. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}

interface FieldError {
  field: string;
  message: string;
}

const zhLocale = z.locales.zhCN();
const enLocale = z.locales.en();

function issueMessage(
  v: { keyword: string; message: string; params: Record<string, unknown> },
  locale: Locale,
): string {
  if (v.message.startsWith('v.')) {
    // "v.key:arg" carries one argument for the text, e.g. a length limit.
    const [key = v.message, arg] = v.message.split(':');
    return translate(VALIDATION_TEXTS, key, locale, { max: arg ?? '' });
  }
  const emptyString = v.keyword === 'too_small' && v.params.origin === 'string' && v.params.minimum === 1;
  if (emptyString || (v.keyword === 'invalid_type' && /undefined/.test(v.message))) {
    return locale === 'en' ? 'is required' : '不能为空';
  }
  const bound = sizeMessage(v.keyword, v.params, locale);
  if (bound) return bound;
  const fn = locale === 'en' ? enLocale.localeError : zhLocale.localeError;
  const out = fn({ code: v.keyword, ...v.params } as never);
  return typeof out === 'string' ? out : (out?.message ?? v.message);
}

/**
 * Plain words for a number, text or list outside its bounds ("不能小于 1", "不能超过 64 个字", "至少选择 1 项"), instead
 * of zod's technical "数值过小：期望 number >=1", which a resident cannot read.
 */
function sizeMessage(keyword: string, params: Record<string, unknown>, locale: Locale): string | null {
  if (keyword !== 'too_small' && keyword !== 'too_big') return null;
  const small = keyword === 'too_small';
  const bound = small ? params.minimum : params.maximum;
  if (typeof bound !== 'number' && typeof bound !== 'bigint') return null;
  const n = String(bound);
  const inclusive = params.inclusive !== false;
  const en = locale === 'en';
  switch (params.origin) {
    case 'number':
    case 'int':
    case 'bigint':
      if (small)
        return en
          ? `must be ${inclusive ? 'at least' : 'greater than'} ${n}`
          : inclusive
            ? `不能小于 ${n}`
            : `应大于 ${n}`;
      return en ? `must be ${inclusive ? 'at most' : 'less than'} ${n}` : inclusive ? `不能大于 ${n}` : `应小于 ${n}`;
    case 'string':
      if (small) return en ? `must be at least ${n} characters` : `至少 ${n} 个字`;
      return en ? `must be at most ${n} characters` : `不能超过 ${n} 个字`;
    case 'array':
    case 'set':
      if (small) return en ? `choose at least ${n}` : `至少选择 ${n} 项`;
      return en ? `at most ${n} items` : `最多 ${n} 项`;
    default:
      return null;
  }
}

function fieldName(path: string, locale: Locale): string {
  const field = path.replace(/^\//, '').replace(/\//g, '.');
  const last = field.split('.').pop() ?? field;
  return translate(FIELD_TEXTS, last, locale) === last ? field : translate(FIELD_TEXTS, last, locale);
}

/** Sends the one error shape {code, message, details}. */
function sendError(reply: FastifyReply, status: number, code: string, message: string, details: unknown) {
  return reply.status(status).send({ code, message, details: details ?? null });
}

/** Query parameters whose values are personal (phones, ID numbers, names, free-text searches that may hold them). */
const PERSONAL_QUERY = /^(phone|mobile|tel|idnumber|idno|realname|name|q|query|search|keyword|contact)$/i;

/**
 * The URL as logged: the values of personal query parameters replaced by `***`, so the log never holds a phone
 * number someone searched for. Path segments are ids, not personal data.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const parts = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      let name = key;
      try {
        name = decodeURIComponent(key);
      } catch {
        // a malformed key is logged as it came
      }
      return eq >= 0 && PERSONAL_QUERY.test(name) ? `${key}=***` : pair;
    });
  return `${url.slice(0, q)}?${parts.join('&')}`;
}

/** Installs the request decorations, CSRF check and the error and not-found handlers. */
export function installHttpPlatform(app: FastifyInstance): void {
  collectWriteRoutes(app); // every write route's audit declaration, checked by test/security/audit-coverage.test.ts
  app.decorateRequest('actor', null);
  app.decorateRequest('auth', null);
  app.decorateRequest('locale', 'zh-CN');

  app.addHook('onRequest', async (req, reply) => {
    req.locale = pickLocale(req.headers['accept-language']);
    reply.header('x-request-id', req.id);
  });

  // One line per request at debug; a failed (5xx) or slow request is worth a warning at the default level.
  app.addHook('onResponse', async (req, reply) => {
    const line = {
      method: req.method,
      url: redactUrl(req.url),
      statusCode: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    };
    if (reply.statusCode >= 500) req.log.warn(line, 'request failed');
    else if (reply.elapsedTime > SLOW_REQUEST_MS) req.log.warn(line, 'slow request');
    else req.log.debug(line, 'request completed');
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const locale = req.locale ?? 'zh-CN';
    if (err instanceof AppError) {
      const details = Array.isArray(err.details)
        ? (err.details as FieldError[]).map((d) => ({
            field: d.field,
            message: d.message.startsWith('v.') ? translate(VALIDATION_TEXTS, d.message, locale) : d.message,
          }))
        : err.details;
      const params =
        err.code === 'VALIDATION_FAILED' && Array.isArray(details)
          ? { summary: (details as FieldError[]).map((d) => `${fieldName(d.field, locale)}：${d.message}`).join('；') }
          : err.params;
      return sendError(reply, err.status, err.code, translate(ERROR_TEXTS, err.code, locale, params), details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details: FieldError[] = err.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || String(err.validationContext ?? ''),
        message: issueMessage(v as never, locale),
      }));
      const summary = details
        .map((d) => `${fieldName(d.field, locale)}${locale === 'en' ? ': ' : '：'}${d.message}`)
        .join(locale === 'en' ? '; ' : '；');
      return sendError(
        reply,
        400,
        'VALIDATION_FAILED',
        translate(ERROR_TEXTS, 'VALIDATION_FAILED', locale, { summary }),
        details,
      );
    }
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status === 429) {
      return sendError(reply, 429, 'RATE_LIMITED', translate(ERROR_TEXTS, 'RATE_LIMITED', locale), null);
    }
    if (status >= 400 && status < 500) {
      // Framework-level bad input: malformed JSON, wrong content type, body too large.
      const summary = locale === 'en' ? err.message : `请求格式错误（${err.message}）`;
      return sendError(
        reply,
        status,
        'VALIDATION_FAILED',
        translate(ERROR_TEXTS, 'VALIDATION_FAILED', locale, { summary }),
        null,
      );
    }
    req.log.error({ err }, 'unhandled error');
    return sendError(reply, 500, 'INTERNAL', translate(ERROR_TEXTS, 'INTERNAL', locale, { requestId: req.id }), null);
  });
}

/**
 * Errors the router raises before any hook runs (Fastify's `frameworkErrors`): a path that is not valid percent
 * encoding, or a path parameter longer than the router allows. Answered in the one error shape, in the asked language.
 */
export function frameworkErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const locale = pickLocale(req.headers['accept-language']);
  const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const summary =
    locale === 'en'
      ? tooLong
        ? 'a value in the address is too long'
        : 'the address is not valid'
      : tooLong
        ? '网址中的参数过长'
        : '网址格式无效';
  void sendError(
    reply,
    tooLong ? 414 : 400,
    'VALIDATION_FAILED',
    translate(ERROR_TEXTS, 'VALIDATION_FAILED', locale, { summary }),
    null,
  );
}

/** The 404 answer for unknown API routes. */
export function sendRouteNotFound(req: FastifyRequest, reply: FastifyReply) {
  return sendError(
    reply,
    404,
    'ROUTE_NOT_FOUND',
    translate(ERROR_TEXTS, 'ROUTE_NOT_FOUND', req.locale ?? 'zh-CN'),
    null,
  );
}
