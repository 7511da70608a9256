import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { adminClient, blogWithAdmin, writePost } from '../helpers/blog.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { WebClient } from '../helpers/web-client.js';

// The app sends through a real SMTP server on this machine (SMTP_URL), as it would in production.
let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

const t = useTestApp(() => ({ SMTP_URL: smtp.url, SITE_URL: 'https://blog.example' }));

describe('mail about comments', () => {
  it("tells the admin of a visitor's comment, after the request has been answered", async () => {
    const services = await blogWithAdmin(t.database);
    await writePost(services, 'Hello');
    const before = smtp.messages.length;
    const client = new WebClient(t.app);
    await client.get('/posts/hello');
    const posted = await client.submit('/posts/hello/comments', {
      author: 'Vic',
      email: 'vic@example.com',
      body: 'Nice!',
    });
    expect(posted.statusCode).toBe(303);
    // The answer did not wait for the SMTP conversation: the mail is still on its way.
    expect(smtp.messages.length).toBe(before);
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail?.to).toContain('ada@example.com');
    expect(mail?.subject).toBe('New comment on “Hello”');
    expect(mail?.text).toContain('Vic <vic@example.com> wrote:');
    expect(mail?.text).toContain('https://blog.example/admin/comments?filter=pending');
  });

  it("tells a commenter of the admin's reply", async () => {
    const services = await blogWithAdmin(t.database);
    const post = await writePost(services, 'Hello');
    const question = await services.comments.add(
      post.slug,
      { author: 'Vic', email: 'vic@example.com', body: 'Why?' },
      false,
    );
    await services.comments.approve(question.id);
    const before = smtp.messages.length;
    const admin = await adminClient(t.app);
    await admin.get(`/posts/hello?reply=${question.id}`);
    await admin.submit('/posts/hello/comments', {
      author: 'Ada',
      email: 'ada@example.com',
      body: 'Because.',
      repliedId: String(question.id),
    });
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail?.to).toContain('vic@example.com');
    expect(mail?.subject).toBe('A reply to your comment on “Hello”');
    expect(mail?.text).toContain('Because.');
  });
});
