import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../core/errors.js';
import type { AppContext } from './context.js';

/** One file of a multipart request, read into memory (within UPLOAD_MAX_BYTES). */
export interface UploadedFile {
  field: string;
  /** What the browser called it: shown to the user at most, never used for a path or a type. */
  filename: string;
  data: Buffer;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The files of a multipart request (empty otherwise); its text fields are in `request.body`. */
    uploads: UploadedFile[];
  }
  interface FastifyInstance {
    /** The limits uploads are held to, for pages that tell the user. */
    uploadLimits: { fileSize: number; files: number };
  }
}

/** Where stored files are served from. */
const prefix = '/uploads';

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Multipart uploads and the files they stored. It comes before the web layer in a template's "layers" (plugins
 * are registered in layer order): its hook reads the form (text fields into request.body, files into
 * request.uploads) before the web layer's hook checks the form's CSRF token.
 * Every limit is explicit; going over one is a 413 with a message, and nothing is stored (the files are only in
 * memory until a service has checked them).
 */
export default fp<AppContext>(
  async (app: FastifyInstance, { config, deps }) => {
    const store = deps.files;
    const limits = {
      fileSize: config.UPLOAD_MAX_BYTES,
      files: config.UPLOAD_MAX_FILES,
      fields: 20,
      fieldSize: 10_000,
      parts: config.UPLOAD_MAX_FILES + 20,
      headerPairs: 100,
    };
    await app.register(fastifyMultipart, { limits, throwFileSizeLimit: true });
    app.decorate('uploadLimits', { fileSize: limits.fileSize, files: limits.files });
    app.decorateRequest('uploads', {
      getter(this: FastifyRequest & { _uploads?: UploadedFile[] }) {
        return this._uploads ?? [];
      },
      setter(this: FastifyRequest & { _uploads?: UploadedFile[] }, files: UploadedFile[]) {
        this._uploads = files;
      },
    });

    app.addHook('preValidation', async (request) => {
      if (!request.isMultipart()) return;
      const fields: Record<string, string> = {};
      const files: UploadedFile[] = [];
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            const data = await part.toBuffer();
            // An empty file input still sends a part: nothing was chosen.
            if (data.length > 0 || part.filename) files.push({ field: part.fieldname, filename: part.filename, data });
          } else if (typeof part.value === 'string') {
            // busboy cuts a field at fieldSize without an error: a cut value must not pass for the whole one.
            if (part.valueTruncated) throw new AppError('payload_too_large', 'A form field is too long.');
            fields[part.fieldname] = part.value;
          }
        }
      } catch (error) {
        throw uploadError(error, limits);
      }
      request.body = fields;
      request.uploads = files;
    });

    app.get<{ Params: { name: string } }>(`${prefix}/:name`, async (request, reply) => {
      const file = await store.open(request.params.name);
      if (!file) throw new AppError('not_found', 'There is no such file.');
      // The type is the one the app chose when it stored the file; nosniff stops a browser from guessing
      // another (an "image" that is really HTML must never run as a page of this site).
      return reply
        .header('content-type', file.contentType)
        .header('content-length', file.size)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(file.stream);
    });
  },
  { name: 'uploads' },
);

/** Multipart's own errors, told in words: over a limit is 413, a malformed body 400. */
function uploadError(error: unknown, limits: { fileSize: number; files: number }): unknown {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('payload_too_large', `A file is too large: each may have at most ${mb(limits.fileSize)}.`);
    case 'FST_FILES_LIMIT':
      return new AppError('payload_too_large', `Too many files: at most ${limits.files} at once.`);
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError('payload_too_large', 'The form has too many fields.');
    case 'FST_PROTO_VIOLATION':
      return new AppError('bad_request', 'The form has a field name that is not allowed.');
    default:
      if (error instanceof AppError) return error;
      return new AppError('bad_request', 'The upload is not a valid multipart form.');
  }
}
