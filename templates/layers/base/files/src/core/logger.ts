import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import { type FastifyServerOptions, LogController } from 'fastify';
import type { Config } from './config.js';

/** Anything that may carry a credential is replaced by [Redacted] before a log line is written. */
const redact = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.secret',
  '*.accessToken',
  '*.refreshToken',
  '*.apiKey',
];

/** A client may send its own X-Request-Id (e.g. from a proxy); anything that is not a plain id is replaced. */
const requestIdPattern = /^[\w.:-]{1,64}$/;

type LoggerOptions = Pick<FastifyServerOptions, 'logger' | 'genReqId' | 'requestIdHeader' | 'logController'>;

/** Readable logs while developing (pino-pretty is a dev dependency); JSON lines, for log collectors, elsewhere. */
export function prettyLogs(config: Config): boolean {
  return config.NODE_ENV === 'development' && hasPrettyPrinter();
}

/** `stream`: where the JSON lines go instead of stdout (tests read the log there). */
export function loggerOptions(config: Config, stream?: Writable): LoggerOptions {
  const pretty = !stream && prettyLogs(config);
  return {
    logger: {
      level: config.LOG_LEVEL,
      redact,
      ...(stream ? { stream } : {}),
      ...(pretty
        ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname,reqId' } } }
        : {}),
    },
    // Pretty logs get one line per request (src/plugins/request-log.ts) instead of Fastify's two objects.
    logController: new LogController({ disableRequestLogging: pretty }),
    // Read by genReqId rather than trusted as it comes.
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
    },
  };
}

function hasPrettyPrinter(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}
