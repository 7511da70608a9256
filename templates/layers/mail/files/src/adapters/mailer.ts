import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../core/config.js';
import type { DepsPart } from '../services/deps.js';

declare module '../services/deps.js' {
  interface ServiceDeps {
    /** Sends e-mail: `mailer.sendLater(mail)` from a service never blocks the request. */
    mailer: Mailer;
  }
}

/*
 * E-mail, as the Flask book's 电子邮件 chapter does it, in three steps:
 *
 * 1. Send a message over SMTP (Flask-Mail's `mail.send(message)`): `send()`, through nodemailer. The SMTP server
 *    comes from SMTP_URL, like Flask-Mail's MAIL_SERVER, MAIL_PORT, MAIL_USERNAME and MAIL_PASSWORD in one line.
 * 2. Don't send while developing: without SMTP_URL each mail is written to MAIL_OUTBOX_DIR as an .eml file that
 *    any mail client opens (Flask-Mail's MAIL_SUPPRESS_SEND, but you can read what would have gone out), so
 *    development needs no mail server and no real person gets a mail by accident.
 * 3. Send asynchronously: a mail server can take seconds to answer, or be down, and a visitor who posted a comment
 *    should not wait for it. `sendLater()` puts the mail in a queue and returns at once. The book sends in a
 *    thread, then with Celery; the queue below is Celery in miniature: jobs wait in memory, a few workers send
 *    them, a failed job is retried after a pause that doubles each time, and one that still fails (or that the
 *    server refused for good) is logged.
 *    Unlike Celery's queue (in Redis), this one lives in the process: a crash loses the mails still waiting.
 *    A clean shutdown does not: the app drains the queue before it exits (serviceDeps, below).
 */

export interface Mail {
  /** One address, or several separated by commas. */
  to: string;
  subject: string;
  /** The plain-text body; every mail has one (some clients and many people read only that). */
  text: string;
  /** An HTML body, which clients that can show HTML show instead of `text`. */
  html?: string;
}

/** The part of a logger the mailer uses: Fastify's `app.log` is one. */
export interface MailLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface Mailer {
  /** Sends now: resolves when the SMTP server has accepted the mail (or the outbox has it), rejects on failure. */
  send(mail: Mail): Promise<void>;
  /** Queues the mail and returns at once: it never blocks a request. Retried with backoff, then logged. */
  sendLater(mail: Mail): void;
  /** Resolves when the queue is empty, retries included (graceful shutdown, tests). */
  drain(): Promise<void>;
  /** The mails kept with MAIL_OUTBOX_DIR=memory:// (empty otherwise), oldest first: tests may read it. */
  readonly outbox: Mail[];
}

export interface MailerOptions {
  /** Tries per queued mail, the first one included. */
  attempts?: number;
  /** The pause before the first retry; each following one is twice as long (1 s, 2 s, 4 s, …). */
  retryDelayMs?: number;
  /** Queued mails sent at the same time: a burst of mails must not open a connection each at once. */
  concurrency?: number;
}

/** MAIL_OUTBOX_DIR value that keeps mails in memory (the same convention as PGLITE_DATA_DIR's). */
const inMemory = 'memory://';

/** The services' mailer (src/services/deps.ts); mail still queued is sent before the app finishes closing. */
export const serviceDeps: DepsPart = ({ config, log, onClose }) => {
  const mailer = createMailer(config, log);
  onClose(() => mailer.drain());
  return { mailer };
};

/** A mailer: SMTP when SMTP_URL is set; otherwise the outbox (a directory of .eml files, or memory). */
export function createMailer(config: Config, log: MailLog, options: MailerOptions = {}): Mailer {
  const outbox: Mail[] = [];
  let deliver: Deliver;
  if (config.SMTP_URL) {
    deliver = smtpDelivery(config.SMTP_URL, config.MAIL_FROM, log);
  } else if (config.MAIL_OUTBOX_DIR === inMemory) {
    deliver = async (mail) => {
      outbox.push({ ...mail });
      log.info({ to: mail.to, subject: mail.subject }, `mail kept in memory (MAIL_OUTBOX_DIR=${inMemory})`);
    };
  } else {
    deliver = outboxDelivery(config.MAIL_OUTBOX_DIR, config.MAIL_FROM, log);
    if (config.NODE_ENV === 'production') {
      log.warn(
        { outbox: resolve(config.MAIL_OUTBOX_DIR) },
        'SMTP_URL is not set: mail is written to the outbox, not sent',
      );
    }
  }
  const queue = createQueue(deliver, log, options);
  return { send: deliver, sendLater: queue.add, drain: queue.drain, outbox };
}

/** One way of handing a mail on: to an SMTP server, to a file, to an array. Rejects when it could not. */
type Deliver = (mail: Mail) => Promise<void>;

function smtpDelivery(url: string, from: string, log: MailLog): Deliver {
  const transport = nodemailer.createTransport({
    url,
    // nodemailer waits up to 2 minutes for a connection and 10 for an answer: a queued mail would hold up the
    // app's shutdown that long. A server this slow is treated as down, and the mail retried.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  // Where mail goes, for the logs: the URL without its password, which must never be written to a log.
  const server = withoutPassword(url);
  return async (mail) => {
    const info = await transport.sendMail({ from, ...mail });
    log.info({ to: mail.to, subject: mail.subject, server, messageId: info.messageId }, 'mail sent');
  };
}

function outboxDelivery(dir: string, from: string, log: MailLog): Deliver {
  // nodemailer's stream transport builds the message exactly as it would go over SMTP (headers, encodings, the
  // text and HTML parts), and hands it back instead of sending it. RFC 5322 wants CRLF line ends.
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return async (mail) => {
    const { message } = await composer.sendMail({ from, ...mail });
    await mkdir(dir, { recursive: true });
    // Named by time, so that a directory listing is in the order the mails were written.
    const stamp = new Date().toISOString().replaceAll(':', '-');
    const file = resolve(dir, `${stamp}-${randomBytes(3).toString('hex')}.eml`);
    await writeFile(file, message, { flag: 'wx' });
    log.info({ to: mail.to, subject: mail.subject, file }, 'mail written to the outbox (SMTP_URL is not set)');
  };
}

function withoutPassword(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.href;
}

interface Job {
  mail: Mail;
  /** 1 for the first try. */
  attempt: number;
}

/** The send-later queue: see the comment at the top of this file. */
function createQueue(deliver: Deliver, log: MailLog, options: MailerOptions) {
  const { attempts = 3, retryDelayMs = 1000, concurrency = 2 } = options;
  const waiting: Job[] = []; // ready to be sent, oldest first
  const pausing = new Set<NodeJS.Timeout>(); // failed jobs waiting for their next try
  let sending = 0;
  let whenIdle: (() => void)[] = [];

  const isIdle = () => waiting.length === 0 && sending === 0 && pausing.size === 0;

  function add(mail: Mail): void {
    enqueue({ mail, attempt: 1 });
  }

  function enqueue(job: Job): void {
    waiting.push(job);
    work();
  }

  /** Starts jobs while a worker is free; tells whoever waits in drain() when nothing is left. */
  function work(): void {
    while (sending < concurrency) {
      const job = waiting.shift();
      if (!job) break;
      sending += 1;
      void attempt(job).finally(() => {
        sending -= 1;
        work();
      });
    }
    if (isIdle()) {
      const resolvers = whenIdle;
      whenIdle = [];
      for (const resolveDrain of resolvers) resolveDrain();
    }
  }

  /** One try. Never rejects: a failure is either scheduled for a retry or logged. */
  async function attempt(job: Job): Promise<void> {
    try {
      await deliver(job.mail);
    } catch (err) {
      const about = { err, to: job.mail.to, subject: job.mail.subject, attempt: job.attempt, attempts };
      // nodemailer marks a 5xx answer (wrong password, no such recipient) as permanent: the same mail would get
      // the same answer. A 4xx answer, a timeout or a refused connection may go away: those are retried.
      const permanent = (err as { permanent?: boolean }).permanent === true;
      if (permanent || job.attempt >= attempts) {
        log.error(about, 'mail not sent, giving up');
        return;
      }
      // Exponential backoff: a server that is down is given more time with each try. The random part keeps many
      // mails that failed together from all coming back at the same instant.
      const delay = Math.round(retryDelayMs * 2 ** (job.attempt - 1) * (1 + Math.random() / 5));
      log.warn({ ...about, retryInMs: delay }, 'mail not sent, will retry');
      const timer = setTimeout(() => {
        pausing.delete(timer);
        enqueue({ mail: job.mail, attempt: job.attempt + 1 });
      }, delay);
      pausing.add(timer);
    }
  }

  function drain(): Promise<void> {
    if (isIdle()) return Promise.resolve();
    return new Promise((resolveDrain) => whenIdle.push(resolveDrain));
  }

  return { add, drain };
}
