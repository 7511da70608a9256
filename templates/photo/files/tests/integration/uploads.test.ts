import { readdirSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { FileStore } from '../../src/adapters/file-store.js';
import { createServices } from '../../src/services/index.js';
import { testConfig, testDeps, useTestApp } from '../helpers/app.js';
import { bombBytes, imageBytes } from '../helpers/images.js';
import { loggedIn, makeUser, manyPosts, photoServices, postFiles, uploadPhoto } from '../helpers/photo.js';

const stored = () => new Set(readdirSync(testConfig().UPLOAD_DIR));

describe('uploading photos', () => {
  const t = useTestApp({
    ...manyPosts,
    UPLOAD_MAX_BYTES: String(200 * 1024),
    UPLOAD_MAX_FILES: '3',
    IMAGE_MAX_PIXELS: '4000000',
  });

  it('stores several files at once, re-encoded, with their variants, and serves them as images', async () => {
    const services = await photoServices(t.database);
    await makeUser(services, 'ada');
    const client = await loggedIn(t.app, 'ada');
    await client.get('/upload');
    const response = await postFiles(t.app, client, '/upload', { description: 'Two at once 我的猫', tags: 'cat, 猫' }, [
      { data: await imageBytes('jpeg', { width: 1600, height: 1200, exif: true }) },
      { data: await imageBytes('png', { width: 300, height: 500 }), name: 'b.png', type: 'image/png' },
    ]);
    expect(response.statusCode).toBe(303);
    const page = await client.follow(response);
    expect(page.body).toContain('Your 2 photos are up.');
    const json = await t.app.inject({
      url: response.headers.location as string,
      headers: { accept: 'application/json' },
    });
    const photo = json.json<{ tags: string[]; width: number; files: Record<string, string> }>();
    expect(photo.tags.sort()).toEqual(['cat', '猫'].sort());
    const medium = await t.app.inject({ url: photo.files.medium! });
    expect(medium.statusCode).toBe(200);
    expect(medium.headers['content-type']).toBe('image/jpeg');
    expect(medium.headers['x-content-type-options']).toBe('nosniff');
    const meta = await sharp(medium.rawPayload).metadata();
    expect([meta.width, meta.height, meta.exif]).toEqual([800, 600, undefined]);
    const small = await sharp((await t.app.inject({ url: photo.files.small! })).rawPayload).metadata();
    expect([small.width, small.height]).toEqual([400, 300]);
  });

  it('answers 413 over the size or count limit, in the page or as JSON, and stores nothing', async () => {
    const services = await photoServices(t.database);
    await makeUser(services, 'bob');
    const client = await loggedIn(t.app, 'bob');
    await client.get('/upload');
    const before = stored();
    const big = Buffer.concat([await imageBytes('jpeg'), Buffer.alloc(300 * 1024)]);
    const page = await postFiles(t.app, client, '/upload', {}, [{ data: big }]);
    expect(page.statusCode).toBe(413);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('each may have at most 0.2 MB');
    const small = await imageBytes('jpeg');
    const json = await postFiles(
      t.app,
      client,
      '/upload',
      {},
      [1, 2, 3, 4].map(() => ({ data: small })),
      'application/json',
    );
    expect(json.statusCode).toBe(413);
    expect(json.json()).toMatchObject({
      error: { code: 'payload_too_large', message: 'Too many files: at most 3 at once.' },
    });
    expect(stored()).toEqual(before);
  });

  it.each([
    [
      'HTML named photo.jpg',
      async () => Buffer.from('<html><script>alert(1)</script></html>'),
      'not an image we accept',
    ],
    ['an SVG', async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'not an image we accept'],
    [
      'a truncated JPEG',
      async () => (await imageBytes('jpeg', { width: 200, height: 200 })).subarray(0, 300),
      'damaged or incomplete',
    ],
    ['a decompression bomb', () => bombBytes(), 'too large'],
  ])('refuses %s with a clear message, and stores nothing of the whole upload', async (_name, bytes, message) => {
    const services = await photoServices(t.database);
    await makeUser(services, 'carol');
    const client = await loggedIn(t.app, 'carol');
    await client.get('/upload');
    const before = stored();
    const response = await postFiles(t.app, client, '/upload', {}, [
      { data: await imageBytes('jpeg'), name: 'good.jpg' },
      { data: await bytes(), name: 'photo.jpg', type: 'image/jpeg' },
    ]);
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('“photo.jpg”:');
    expect(response.body).toContain(message);
    expect(stored()).toEqual(before);
    expect((await services.photos.newest(1)).total).toBe(0);
  });

  it('refuses an upload without a CSRF token, and one from a visitor', async () => {
    const data = await imageBytes('jpeg');
    const visitor = await postFiles(t.app, undefined, '/upload', {}, [{ data }], 'application/json');
    expect(visitor.statusCode).toBe(403);
    const services = await photoServices(t.database);
    await makeUser(services, 'dan');
    const client = await loggedIn(t.app, 'dan');
    const { multipart } = await import('../helpers/photo.js');
    const body = await multipart({}, [{ data }]);
    const response = await t.app.inject({
      method: 'POST',
      url: '/upload',
      headers: { 'content-type': body.contentType, ...client.cookieHeader(), accept: 'application/json' },
      payload: body.payload,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('removes the files when a photo is deleted', async () => {
    const services = await photoServices(t.database);
    const ada = await makeUser(services, 'eve');
    const photo = await uploadPhoto(services, ada);
    const files = [photo.filename, photo.filenameM, photo.filenameS];
    for (const name of files) expect(stored().has(name)).toBe(true);
    await services.photos.delete(ada, photo.id);
    for (const name of files) expect(stored().has(name)).toBe(false);
  });

  it('leaves neither files nor rows when storing fails half-way', async () => {
    const deps = await testDeps(t.database);
    let writes = 0;
    const failing: FileStore = {
      ...deps.files,
      write: async (name, data) => {
        if (++writes === 4) throw new Error('disk full');
        return deps.files.write(name, data);
      },
    };
    const services = createServices({ ...deps, files: failing });
    const user = await makeUser(services, 'fay');
    writes = -100;
    const before = stored();
    writes = 0;
    const files = [
      { filename: 'a.jpg', data: await imageBytes('jpeg') },
      { filename: 'b.jpg', data: await imageBytes('jpeg') },
    ];
    await expect(services.photos.upload(user, { files, description: '', tags: [] })).rejects.toThrow('disk full');
    expect(stored()).toEqual(before);
    expect((await services.photos.byAuthor(user.id, 1)).total).toBe(0);

    // And when the database refuses the rows after the files were written: the files go again.
    const tooLong = { files: files.slice(0, 1), description: 'x'.repeat(600), tags: [] };
    writes = -100;
    await expect(services.photos.upload(user, tooLong)).rejects.toThrow();
    expect(stored()).toEqual(before);
  });
});
