// Security headers for every response (@fastify/helmet, configured): a content security policy without inline
// script, no framing (clickjacking), no MIME sniffing, a referrer policy, HSTS only when served over TLS
// (COOKIE_SECURE), and `Cache-Control: no-store` on API answers, which carry personal data.
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';

export async function installSecurityHeaders(
  app: FastifyInstance,
  config: Pick<Config, 'cookieSecure'>,
): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // Ant Design writes its styles at run time (CSS-in-JS), and charts set style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Map tiles come from the tile server a district configures (LINLI_MAP_TILE_URL), which may be any host.
        imgSrc: ["'self'", 'data:', 'blob:', 'http:', 'https:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Tiles and avatars from other origins must still load in the page.
    crossOriginEmbedderPolicy: false,
    hsts: config.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
