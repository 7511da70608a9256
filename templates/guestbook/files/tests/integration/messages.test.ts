import { describe, expect, it } from 'vitest';
import { messagesPerPage } from '../../src/services/index.js';
import { testServices, useTestApp } from '../helpers/app.js';
import { WebClient } from '../helpers/web-client.js';

const t = useTestApp();

/** Posts messages "Message number 1" … "Message number N", oldest first. */
async function postMessages(count: number) {
  const { messages } = await testServices(t.database);
  for (let i = 1; i <= count; i++) await messages.post({ name: `Visitor ${i}`, body: `Message number ${i}` });
}

describe('the home page', () => {
  it('shows the form and an empty list', async () => {
    const response = await new WebClient(t.app).get('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('<label for="field-name">Name</label>');
    expect(response.body).toContain('<label for="field-body">Message</label>');
    expect(response.body).toContain('No messages yet');
  });

  it(`lists messages newest first, ${messagesPerPage} to a page`, async () => {
    const total = messagesPerPage + 2;
    await postMessages(total);
    const client = new WebClient(t.app);
    const first = await client.get('/');
    expect(first.body).toContain(`Messages <span class="count">(${total})</span>`);
    expect(first.body.indexOf(`Message number ${total}<`)).toBeLessThan(
      first.body.indexOf(`Message number ${total - 1}<`),
    );
    expect(first.body).not.toContain('Message number 2<');
    expect(first.body).toContain('Page 1 of 2');

    const second = await client.get('/?page=2');
    expect(second.body).toContain('Message number 2<');
    expect(second.body).toContain('Message number 1<');
    expect(second.body).not.toContain('Message number 3<');
  });

  it('answers htmx with the list alone, and a history restore with the whole page', async () => {
    await postMessages(messagesPerPage + 1);
    const client = new WebClient(t.app);
    const fragment = await client.get('/?page=2', { 'hx-request': 'true' });
    expect(fragment.body.startsWith('<section id="messages"')).toBe(true);
    expect(fragment.body).not.toContain('<html');
    expect(fragment.headers.vary).toContain('HX-Request');

    const restore = await client.get('/?page=2', { 'hx-request': 'true', 'hx-history-restore-request': 'true' });
    expect(restore.body).toContain('<html');
  });

  it('answers a page that does not exist with 404 and one that is not a number with 400', async () => {
    const client = new WebClient(t.app);
    const missing = await client.get('/?page=3');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('There is no page 3; the last page is 1.');
    expect(missing.body).toContain('class="site-header"');

    const invalid = await client.get('/?page=abc');
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('The request is not valid.');
  });
});

describe('posting a message', () => {
  it('saves it, redirects, and flashes a thank-you once (Post/Redirect/Get)', async () => {
    const client = new WebClient(t.app);
    await client.get('/');
    const posted = await client.submit('/messages', { name: ' Ada ', body: 'Hello from the tests' });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe('/');

    const page = await client.follow(posted);
    expect(page.body).toContain('role="status"');
    expect(page.body).toContain('Your message has been sent');
    expect(page.body).toContain('<strong class="author">Ada</strong>');
    expect(page.body).toContain('Hello from the tests');

    const again = await client.get('/');
    expect(again.body).not.toContain('Your message has been sent');
  });

  it('shows each error next to its field, keeps what was typed and saves nothing', async () => {
    const client = new WebClient(t.app);
    await client.get('/');
    const response = await client.submit('/messages', { name: '', body: 'x'.repeat(201) });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('<p class="field-error" id="field-name-error">Please tell us your name.</p>');
    expect(response.body).toContain('aria-describedby="field-name-error"');
    expect(response.body).toContain('A message can be at most 200 characters.');
    expect(response.body).toContain(`>${'x'.repeat(201)}</textarea>`);

    expect((await client.get('/')).body).toContain('No messages yet');
  });

  it('rejects a name that is only spaces', async () => {
    const client = new WebClient(t.app);
    await client.get('/');
    const response = await client.submit('/messages', { name: '   ', body: 'hello' });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('Please tell us your name.');
  });
});
