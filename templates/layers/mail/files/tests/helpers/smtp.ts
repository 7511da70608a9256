import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A mail as the test SMTP server received it. */
export interface ReceivedMail {
  /** The envelope (MAIL FROM, RCPT TO): who the server was told the mail is from and for. */
  from: string;
  to: string[];
  /** The user name the client logged in with, if it logged in. */
  user: string | undefined;
  subject: string;
  text: string;
  html: string | undefined;
  /** The whole message as a mail client reads it: headers, addresses, attachments. */
  parsed: ParsedMail;
}

export interface TestSmtpServer {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  /** Every mail received so far, in order. */
  messages: ReceivedMail[];
  /** Resolves with the messages once there are at least `count`; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export interface SmtpServerOptions {
  /** When set, a client that logs in must use this password (any user name). Logging in is never required. */
  password?: string;
  /** The port to listen on; by default one the system picks. */
  port?: number;
}

/**
 * A real SMTP server on 127.0.0.1 (a port the system picks) that keeps what it receives, for tests of code that
 * sends mail: the mail goes through nodemailer, over a socket, as in production; nothing leaves the machine.
 * No TLS (no certificate to make on loopback) and no login required; a client that logs in anyway is accepted.
 */
export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const arrived = new Set<() => void>();
  const server = new SMTPServer({
    logger: false,
    // A DNS lookup of 127.0.0.1 for each connection would only slow the tests down.
    disableReverseLookup: true,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    // close() waits this long for clients still connected (the default is 30 s).
    closeTimeout: 500,
    onAuth(auth, _session, callback) {
      if (options.password !== undefined && auth.password !== options.password) {
        callback(new Error('Invalid username or password'));
        return;
      }
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      // The mail is parsed before the server answers "250 OK": once a send has resolved, `messages` has it.
      simpleParser(stream).then(
        (parsed) => {
          const { mailFrom, rcptTo } = session.envelope;
          messages.push({
            from: mailFrom ? mailFrom.address : '',
            to: rcptTo.map((recipient) => recipient.address),
            user: (session.user as string | undefined) ?? undefined,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: parsed.html === false ? undefined : parsed.html,
            parsed,
          });
          for (const notify of arrived) notify();
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  // A client that hangs up mid-session is an error on the server's side; it is the test's to notice, not a crash.
  server.on('error', () => {});

  await new Promise<void>((listening, failed) => {
    server.server.once('error', failed);
    server.listen(options.port ?? 0, '127.0.0.1', () => listening());
  });
  const { port } = server.server.address() as AddressInfo;

  function waitFor(count: number, timeoutMs = 2000): Promise<ReceivedMail[]> {
    return new Promise((found, failed) => {
      const check = () => {
        if (messages.length < count) return;
        clearTimeout(timer);
        arrived.delete(check);
        found([...messages]);
      };
      const timer = setTimeout(() => {
        arrived.delete(check);
        failed(new Error(`expected ${count} mail(s) within ${timeoutMs} ms, received ${messages.length}`));
      }, timeoutMs);
      arrived.add(check);
      check();
    });
  }

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor,
    close: () => new Promise((closed) => server.close(() => closed())),
  };
}
