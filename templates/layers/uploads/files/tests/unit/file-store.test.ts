import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileStore, fileName, isStoredName } from '../../src/adapters/file-store.js';

describe('the file store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'store-'));
  const store = createFileStore(join(dir, 'uploads'));

  it('writes, serves and removes files under generated names', async () => {
    const name = fileName(store.newKey(), 'jpg', 's');
    await store.write(name, Buffer.from('bytes'));
    const file = await store.open(name);
    expect(file?.contentType).toBe('image/jpeg');
    expect(file?.size).toBe(5);
    file?.stream.destroy();
    await expect(store.write(name, Buffer.from('again'))).rejects.toThrow();
    await store.remove([name, name, null]);
    expect(await store.exists(name)).toBe(false);
    expect(await store.open(name)).toBeUndefined();
  });

  it.each([
    '../secret.jpg',
    '..%2Fsecret.jpg',
    '/etc/passwd',
    'a.jpg',
    `${'a'.repeat(32)}.html`,
    `${'a'.repeat(32)}.jpg/..`,
    `${'a'.repeat(32)}.jpg\0.png`,
    `${'A'.repeat(32)}.jpg`,
  ])('refuses the name %j: nothing outside the directory, no other type', async (name) => {
    expect(isStoredName(name)).toBe(false);
    expect(await store.open(name)).toBeUndefined();
    await expect(store.write(name, Buffer.from('x'))).rejects.toThrow('not a stored file name');
    await expect(store.remove([name])).rejects.toThrow('not a stored file name');
  });

  it('does not serve a directory or a file it did not make', async () => {
    writeFileSync(join(dir, 'outside.jpg'), 'x');
    expect(await store.open('../outside.jpg')).toBeUndefined();
    expect(readdirSync(dir)).toContain('outside.jpg');
  });
});
