import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMailer, type Mail, type MailLog } from '../../src/adapters/mailer.js';
import { testConfig } from '../helpers/app.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';

// Everything here goes through nodemailer to a real SMTP server on 127.0.0.1, or to real files: what is checked
// is what a mail client would receive, not what a mock was told.

const mail: Mail = {
  to: 'ada@example.com',
  subject: 'A new comment on “Hello”',
  text: 'Grace wrote: nice post!',
  html: '<p>Grace wrote: <em>nice post!</em></p>',
};

/** Fast retries for tests: 3 tries, 10 ms then 20 ms apart. */
const quickRetries = { attempts: 3, retryDelayMs: 10 };

/** A real pino logger (Fastify's), writing JSON lines into an array: the lines the app would print. */
function captureLog(): { log: MailLog; lines: string[]; entries: () => Record<string, unknown>[] } {
  const lines: string[] = [];
  const { log } = Fastify({ logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } } });
  return { log, lines, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

/** An address where no server listens: a server's port, once it has closed. */
async function deadServerUrl(): Promise<string> {
  const server = await startSmtpServer();
  await server.close();
  return server.url;
}

describe('the mailer over SMTP', () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterEach(() => {
    smtp.messages.length = 0;
  });
  afterAll(() => smtp.close());

  it('send() delivers: envelope, sender, subject, text and HTML', async () => {
    const { log, entries } = captureLog();
    const mailer = createMailer(testConfig({ SMTP_URL: smtp.url, MAIL_FROM: 'Blog <blog@example.com>' }), log);
    await mailer.send(mail);

    expect(smtp.messages).toHaveLength(1);
    const [received] = smtp.messages;
    expect(received).toMatchObject({
      from: 'blog@example.com',
      to: ['ada@example.com'],
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
    expect(received?.parsed.from?.value).toMatchObject([{ name: 'Blog', address: 'blog@example.com' }]);
    expect(entries()).toContainEqual(expect.objectContaining({ msg: 'mail sent', to: mail.to, server: smtp.url }));
    expect(mailer.outbox).toEqual([]);
  });

  it('sendLater() returns at once; the mail arrives by the time drain() resolves', async () => {
    const mailer = createMailer(testConfig({ SMTP_URL: smtp.url }), captureLog().log);
    // Returns nothing to wait for, and returns before the mail has arrived (the server takes 100 ms to greet).
    expect(mailer.sendLater(mail)).toBeUndefined();
    mailer.sendLater({ ...mail, to: 'grace@example.com' });
    expect(smtp.messages).toHaveLength(0);

    await mailer.drain();
    expect(smtp.messages.map((received) => received.to)).toEqual(
      expect.arrayContaining([['ada@example.com'], ['grace@example.com']]),
    );
    await mailer.drain(); // an empty queue drains at once
  });

  it('a line break in the subject cannot add a header (e.g. a Bcc to someone else)', async () => {
    const mailer = createMailer(testConfig({ SMTP_URL: smtp.url }), captureLog().log);
    await mailer.send({ ...mail, subject: 'Hello\r\nBcc: eve@example.com' });
    const [received] = await smtp.waitFor(1);
    expect(received?.to).toEqual(['ada@example.com']);
    expect(received?.parsed.bcc).toBeUndefined();
    expect(received?.parsed.headers.has('bcc')).toBe(false);
  });
});

describe('the mailer when the SMTP server is down', () => {
  it('send() rejects', async () => {
    const mailer = createMailer(testConfig({ SMTP_URL: await deadServerUrl() }), captureLog().log);
    await expect(mailer.send(mail)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('sendLater() retries with growing pauses, then logs an error; nothing throws and drain() resolves', async () => {
    const { log, entries } = captureLog();
    const mailer = createMailer(testConfig({ SMTP_URL: await deadServerUrl() }), log, quickRetries);
    expect(() => mailer.sendLater(mail)).not.toThrow();
    await mailer.drain();

    const retries = entries().filter((entry) => entry.msg === 'mail not sent, will retry');
    expect(retries.map((entry) => entry.attempt)).toEqual([1, 2]);
    const [first, second] = retries.map((entry) => entry.retryInMs as number);
    expect(first).toBeGreaterThanOrEqual(10);
    expect(second).toBeGreaterThanOrEqual(20);
    const failures = entries().filter((entry) => entry.msg === 'mail not sent, giving up');
    expect(failures).toEqual([
      expect.objectContaining({ level: 50, to: mail.to, subject: mail.subject, attempt: 3, attempts: 3 }),
    ]);
    expect((failures[0]?.err as { code?: string }).code).toBe('ESOCKET');
  });

  it('delivers a queued mail once the server is back', async () => {
    const down = await deadServerUrl();
    const { log, lines } = captureLog();
    const mailer = createMailer(testConfig({ SMTP_URL: down }), log, { attempts: 3, retryDelayMs: 100 });
    mailer.sendLater(mail);
    await vi.waitFor(() => expect(lines.join('')).toContain('will retry'));

    // The server comes back on the same port during the pause before the retry.
    const smtp = await startSmtpServer({ port: Number(new URL(down).port) });
    try {
      await mailer.drain();
      expect(smtp.messages.map((received) => received.to)).toEqual([['ada@example.com']]);
      expect(lines.join('')).not.toContain('giving up');
    } finally {
      await smtp.close();
    }
  });
});

describe('the outbox (SMTP_URL unset)', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'outbox-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes each mail as an .eml file a mail client can open, creating the directory, and logs where', async () => {
    const outboxDir = join(dir, 'not-yet', 'outbox');
    const { log, entries } = captureLog();
    const mailer = createMailer(testConfig({ MAIL_OUTBOX_DIR: outboxDir, MAIL_FROM: 'blog@example.com' }), log);
    await mailer.send(mail);
    mailer.sendLater({ ...mail, subject: 'Second' });
    await mailer.drain();

    const files = (await readdir(outboxDir)).sort();
    expect(files).toHaveLength(2);
    expect(files.every((file) => file.endsWith('.eml'))).toBe(true);
    const parsed = await simpleParser(await readFile(join(outboxDir, files[0] ?? '')));
    expect(parsed.from?.text).toBe('blog@example.com');
    expect(parsed.to).toMatchObject({ text: 'ada@example.com' });
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.text).toBe(mail.text);
    expect(parsed.html).toBe(mail.html);
    expect(parsed.messageId).toMatch(/^<.+@.+>$/);

    const written = entries().filter((entry) => entry.msg === 'mail written to the outbox (SMTP_URL is not set)');
    expect(written.map((entry) => entry.file)).toEqual(files.map((file) => join(outboxDir, file)));
    expect(mailer.outbox).toEqual([]);
  });

  it('memory:// keeps mails in `outbox` and writes nothing', async () => {
    const mailer = createMailer(testConfig({ MAIL_OUTBOX_DIR: 'memory://' }), captureLog().log);
    await mailer.send(mail);
    mailer.sendLater({ ...mail, subject: 'Second' });
    await mailer.drain();
    expect(mailer.outbox.map((kept) => kept.subject)).toEqual([mail.subject, 'Second']);
    expect(mailer.outbox[0]).toEqual(mail);
    expect(existsSync('memory:')).toBe(false); // not taken for a directory name
  });
});

describe('the SMTP password', () => {
  const password = 'pa55-w0rd-never-logged';
  const withPassword = (url: string, pass: string) => url.replace('smtp://', `smtp://mailer:${pass}@`);
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer({ password });
  });
  afterAll(() => smtp.close());

  it('is used to log in, and appears in no log line: sent, refused, or server down', async () => {
    const { log, lines } = captureLog();
    const mailer = createMailer(testConfig({ SMTP_URL: withPassword(smtp.url, password) }), log);
    await mailer.send(mail);
    expect(smtp.messages.at(-1)?.user).toBe('mailer');
    expect(lines.join('')).toContain('"server":"smtp://mailer@127.0.0.1:');

    const refused = createMailer(testConfig({ SMTP_URL: withPassword(smtp.url, `${password}!`) }), log);
    refused.sendLater(mail);
    await refused.drain();

    const down = createMailer(
      testConfig({ SMTP_URL: withPassword(await deadServerUrl(), password) }),
      log,
      quickRetries,
    );
    down.sendLater(mail);
    await down.drain();

    expect(lines.filter((line) => line.includes('will retry'))).toHaveLength(2);
    expect(lines.filter((line) => line.includes('giving up'))).toHaveLength(2);
    for (const line of lines) expect(line).not.toContain(password);
  });

  it('a wrong one is refused for good (535): send() rejects, sendLater() gives up without retrying', async () => {
    const { log, entries } = captureLog();
    const mailer = createMailer(testConfig({ SMTP_URL: withPassword(smtp.url, 'wrong') }), log, quickRetries);
    await expect(mailer.send(mail)).rejects.toMatchObject({ code: 'EAUTH', responseCode: 535 });
    mailer.sendLater(mail);
    await mailer.drain();
    expect(entries().map((entry) => [entry.msg, entry.attempt])).toEqual([['mail not sent, giving up', 1]]);
  });
});

describe('SMTP_URL', () => {
  it('must be smtp:// or smtps://', () => {
    expect(() => testConfig({ SMTP_URL: 'http://mail.example.com' })).toThrow(/SMTP_URL/);
    expect(testConfig({ SMTP_URL: 'smtps://user:secret@mail.example.com:465' }).SMTP_URL).toBeDefined();
  });
});
