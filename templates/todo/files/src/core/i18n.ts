import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { defaultLocale, type Locale, negotiateLocale } from './locale.js';
import { zhCN } from './messages-zh-cn.js';
import { translator } from './translate.js';

const translators: Record<Locale, (message: string) => string> = {
  en: (message) => message,
  'zh-CN': translator(zhCN),
};

/** The reader's language, from Accept-Language (the SPA sends the one its user chose). */
export function requestLocale(request: FastifyRequest): Locale {
  return negotiateLocale(request.headers['accept-language']);
}

/**
 * Error messages in the reader's language: every error body of the routes inside this plugin's scope is
 * translated on its way out (`{ error: { message, details[].message } }`, and the OAuth endpoint's
 * `error_description`), with `Content-Language` and `Vary: Accept-Language`, so that a cache keeps one answer per
 * language. Services, and the kit's layers, keep throwing English (the catalogue's keys).
 */
export const i18n = fp(
  async (app: FastifyInstance) => {
    app.addHook('onSend', async (request, reply, payload) => {
      if (reply.statusCode < 400) return payload;
      const locale = requestLocale(request);
      addVary(reply, 'Accept-Language');
      reply.header('content-language', locale);
      if (locale === defaultLocale || typeof payload !== 'string') return payload;
      return translateBody(payload, translators[locale]);
    });
  },
  { name: 'i18n' },
);

interface ErrorBody {
  error?: string | { message?: string; details?: { message?: string }[] };
  error_description?: string;
}

function translateBody(payload: string, translate: (message: string) => string): string {
  let body: ErrorBody;
  try {
    body = JSON.parse(payload) as ErrorBody;
  } catch {
    return payload;
  }
  if (typeof body.error_description === 'string') body.error_description = translate(body.error_description);
  if (body.error && typeof body.error === 'object') {
    if (typeof body.error.message === 'string') body.error.message = translate(body.error.message);
    for (const detail of Array.isArray(body.error.details) ? body.error.details : []) {
      if (typeof detail?.message === 'string') detail.message = translate(detail.message);
    }
  }
  return JSON.stringify(body);
}

function addVary(reply: FastifyReply, field: string) {
  const current = reply.getHeader('vary');
  const fields = typeof current === 'string' ? current.split(',').map((part) => part.trim()) : [];
  if (!fields.some((part) => part.toLowerCase() === field.toLowerCase())) fields.push(field);
  reply.header('vary', fields.filter(Boolean).join(', '));
}
