import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import type { Mailer } from '../../src/adapters/mailer.js';
import { blogWithAdmin, writePost } from '../helpers/blog.js';
import { resetDatabase, sharedTestDatabase } from '../helpers/database.js';

let database: Database;
beforeAll(async () => {
  database = await sharedTestDatabase();
});
afterEach(() => resetDatabase(database));

const visitor = { author: 'Vic', email: 'vic@example.com', body: 'Nice post!' };

/** The mails sent so far (the test mailer keeps them in memory). */
async function mailsOf({ mailer }: { mailer: Mailer }) {
  await mailer.drain();
  return mailer.outbox;
}

describe('CommentService', () => {
  it("keeps a visitor's comment waiting and tells the admin by mail", async () => {
    const services = await blogWithAdmin(database);
    const post = await writePost(services, 'Hello');
    const comment = await services.comments.add(post.slug, visitor, false);
    expect(comment).toMatchObject({ reviewed: false, fromAdmin: false });
    expect(await services.comments.threadsFor(post.id)).toEqual([]);
    const [mail] = await mailsOf(services);
    expect(mail).toMatchObject({ to: 'ada@example.com', subject: 'New comment on “Hello”' });
    expect(mail?.text).toContain('Nice post!');
  });

  it('shows approved comments with replies under the comment they answer', async () => {
    const services = await blogWithAdmin(database);
    const post = await writePost(services, 'Hello');
    const first = await services.comments.add(post.slug, visitor, false);
    await services.comments.approve(first.id);
    const reply = await services.comments.add(post.slug, { ...visitor, author: 'Ada', repliedId: first.id }, true);
    const replyToReply = await services.comments.add(post.slug, { ...visitor, repliedId: reply.id }, false);
    await services.comments.approve(replyToReply.id);
    const threads = await services.comments.threadsFor(post.id);
    expect(threads.map((t) => t.id)).toEqual([first.id]);
    expect(threads[0]?.replies.map((t) => t.id)).toEqual([reply.id]);
    expect(threads[0]?.replies[0]?.replies.map((t) => t.id)).toEqual([replyToReply.id]);
  });

  it('tells a commenter by mail when the admin replies', async () => {
    const services = await blogWithAdmin(database);
    const post = await writePost(services, 'Hello');
    const question = await services.comments.add(post.slug, { ...visitor, email: 'asker@example.com' }, false);
    await services.comments.approve(question.id);
    await services.comments.add(
      post.slug,
      { author: 'Ada', email: 'ada@example.com', body: 'Thanks!', repliedId: question.id },
      true,
    );
    const mails = await mailsOf(services);
    expect(mails.map((mail) => mail.to)).toEqual(['ada@example.com', 'asker@example.com']);
    expect(mails[1]?.subject).toBe('A reply to your comment on “Hello”');
    expect(mails[1]?.text).toContain('/posts/hello#comment-');
  });

  it('refuses a reply to a comment of another post, or to one not yet approved', async () => {
    const services = await blogWithAdmin(database);
    const one = await writePost(services, 'One');
    const two = await writePost(services, 'Two');
    const onOne = await services.comments.add(one.slug, visitor, false);
    await expect(services.comments.add(two.slug, { ...visitor, repliedId: onOne.id }, false)).rejects.toMatchObject({
      code: 'bad_request',
    });
    await expect(services.comments.add(one.slug, { ...visitor, repliedId: onOne.id }, false)).rejects.toMatchObject({
      code: 'bad_request',
    });
  });

  it('refuses comments on a post whose comments are closed', async () => {
    const services = await blogWithAdmin(database);
    const post = await writePost(services, 'Closed');
    await services.posts.setCommentsOpen(post.id, false);
    await expect(services.comments.add(post.slug, visitor, false)).rejects.toMatchObject({ statusCode: 403 });
  });

  it('deletes a comment with its replies', async () => {
    const services = await blogWithAdmin(database);
    const post = await writePost(services, 'Hello');
    const first = await services.comments.add(post.slug, visitor, true);
    await services.comments.add(post.slug, { ...visitor, repliedId: first.id }, true);
    await services.comments.delete(first.id);
    expect((await services.comments.page('all', 1)).total).toBe(0);
  });
});
