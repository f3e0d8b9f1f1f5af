// Request validation for every route: the zod schemas (fastify-type-provider-zod), preceded by one check that no
// string anywhere in the request carries a NUL character. PostgreSQL cannot store NUL in text (the write would fail
// with a 500) and SQLite would store a string other tools cut short, so it is refused here, once, for all routes.
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import { AppError } from './errors.js';

/** The path ("a.b.0") of the first string containing U+0000 in a parsed request part, or null. */
export function findNul(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return [...path, k].join('.');
      const found = findNul(v, [...path, k]);
      if (found !== null) return found;
    }
  }
  return null;
}

/** The validator compiler every route uses: NUL refused with a 400 naming the field, then the route's zod schema. */
export const validatorCompiler: FastifySchemaCompiler<unknown> = (route) => {
  const zod = zodValidatorCompiler(route as never) as (data: unknown) => unknown;
  return (data: unknown) => {
    const field = findNul(data);
    if (field !== null) {
      return {
        error: new AppError('VALIDATION_FAILED', {}, [{ field: field || route.httpPart || 'body', message: 'v.nul' }]),
      };
    }
    return zod(data) as never;
  };
};
