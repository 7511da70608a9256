import { randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { DepsPart } from '../services/deps.js';

declare module '../services/deps.js' {
  interface ServiceDeps {
    /** Uploaded files, under generated names in UPLOAD_DIR. */
    files: FileStore;
  }
}

export const serviceDeps: DepsPart = ({ config }) => ({ files: createFileStore(config.UPLOAD_DIR) });

/*
 * Where uploaded files live: one directory (UPLOAD_DIR; a volume in Docker), files under names the app makes up.
 * A visitor's file name is never used for anything on disk: "../../etc/passwd", "photo.jpg.html" or a name with
 * a NUL byte cannot escape the directory or choose the type, because only names this module generated (checked
 * by a strict pattern) are ever opened, written or removed.
 */

/** The types the store keeps, and the Content-Type each is served with (decided by the app, never the client). */
export const storedTypes = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
} as const;

export type StoredExtension = keyof typeof storedTypes;

/** 32 hex characters (128 random bits), an optional variant suffix ("-s", "-m"), one of the known extensions. */
const namePattern = /^[0-9a-f]{32}(?:-[a-z0-9]{1,8})?\.(?:jpg|png|webp)$/;

export interface StoredFile {
  stream: ReadStream;
  size: number;
  contentType: string;
}

export interface FileStore {
  /** The directory, as an absolute path. */
  readonly dir: string;
  /** A new random base name (without variant or extension): several variants of one upload share it. */
  newKey(): string;
  /** Writes a new file; refuses a name it did not make and never overwrites one that exists. */
  write(name: string, data: Buffer): Promise<void>;
  /** The file to send, or undefined when the name is not one of ours or nothing is stored under it. */
  open(name: string): Promise<StoredFile | undefined>;
  /** Removes files; names that are missing already are fine (removal is retried after failures). */
  remove(names: readonly (string | null | undefined)[]): Promise<void>;
  /** true when something is stored under this name. */
  exists(name: string): Promise<boolean>;
}

export function isStoredName(name: string): boolean {
  return namePattern.test(name);
}

export function fileName(key: string, extension: StoredExtension, variant?: string): string {
  return `${key}${variant ? `-${variant}` : ''}.${extension}`;
}

export function createFileStore(directory: string): FileStore {
  const dir = resolve(directory);
  let made: Promise<unknown> | undefined;
  const pathOf = (name: string) => {
    if (!isStoredName(name)) throw new Error(`not a stored file name: ${JSON.stringify(name)}`);
    return resolve(dir, name);
  };

  return {
    dir,
    newKey: () => randomBytes(16).toString('hex'),
    async write(name, data) {
      const path = pathOf(name);
      made ??= mkdir(dir, { recursive: true });
      await made;
      // 'wx': fail rather than overwrite (a clash of 128 random bits would be a bug worth hearing about).
      await writeFile(path, data, { flag: 'wx', mode: 0o644 });
    },
    async open(name) {
      if (!isStoredName(name)) return undefined;
      const path = resolve(dir, name);
      try {
        const info = await stat(path);
        if (!info.isFile()) return undefined;
        const extension = name.slice(name.lastIndexOf('.') + 1) as StoredExtension;
        return { stream: createReadStream(path), size: info.size, contentType: storedTypes[extension] };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async remove(names) {
      for (const name of names) if (name) await rm(pathOf(name), { force: true });
    },
    async exists(name) {
      if (!isStoredName(name)) return false;
      return stat(resolve(dir, name)).then(
        (info) => info.isFile(),
        () => false,
      );
    },
  };
}
