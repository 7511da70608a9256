import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';

/**
 * The uploads layer reads every multipart form before any route (and before the web layer's CSRF check) sees it,
 * so a hostile or broken form is refused here, with a 4xx and a clear message, whatever the route would do.
 */
describe('multipart forms that break the rules', () => {
  const reached: string[] = [];
  const t = useTestApp({ UPLOAD_MAX_FILES: '3' }, (app) => {
    app.post('/test/multipart', async (request) => {
      reached.push(JSON.stringify(request.body));
      return { files: request.uploads.length };
    });
  });

  const boundary = 'test-boundary-7e3f';
  const field = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const file = (name: string, filename: string, data: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\n` +
    `Content-Type: application/octet-stream\r\n\r\n${data}\r\n`;
  const post = (body: string, contentType = `multipart/form-data; boundary=${boundary}`) =>
    t.app.inject({
      method: 'POST',
      url: '/test/multipart',
      headers: { 'content-type': contentType, accept: 'application/json' },
      payload: body,
    });
  const errorOf = async (body: string, contentType?: string) => {
    const response = await post(body, contentType);
    return { status: response.statusCode, ...response.json<{ error: { code: string; message: string } }>().error };
  };

  it('refuses more than 20 text fields with 413', async () => {
    const body = Array.from({ length: 21 }, (_, i) => field(`f${i}`, 'x')).join('') + `--${boundary}--\r\n`;
    expect(await errorOf(body)).toMatchObject({
      status: 413,
      code: 'payload_too_large',
      message: 'The form has too many fields.',
    });
  });

  it('refuses more parts than the files and fields together may have with 413', async () => {
    // 20 fields and 3 files fill the form; one part more is one too many, whichever it is.
    const parts = [
      ...Array.from({ length: 20 }, (_, i) => field(`f${i}`, 'x')),
      ...Array.from({ length: 4 }, (_, i) => file('photos', `${i}.jpg`, 'bytes')),
    ];
    expect(await errorOf(parts.join('') + `--${boundary}--\r\n`)).toMatchObject({ status: 413 });
  });

  it('refuses a text field cut at its size limit instead of passing half of it on', async () => {
    expect(await errorOf(field('description', 'x'.repeat(10_001)) + `--${boundary}--\r\n`)).toMatchObject({
      status: 413,
      message: 'A form field is too long.',
    });
  });

  it('refuses a field named __proto__ with 400', async () => {
    expect(await errorOf(field('__proto__', '{"admin":true}') + `--${boundary}--\r\n`)).toMatchObject({
      status: 400,
      code: 'bad_request',
      message: 'The form has a field name that is not allowed.',
    });
  });

  it('refuses a form that ends in the middle, or has no boundary, with 400', async () => {
    const cut = `--${boundary}\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end`;
    expect(await errorOf(cut)).toMatchObject({
      status: 400,
      message: 'The upload is not a valid multipart form.',
    });
    expect(await errorOf(field('a', 'b'), 'multipart/form-data')).toMatchObject({ status: 400 });
    expect(reached).toEqual([]);
  });
});
