import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

interface Operation {
  operationId?: string;
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}

export interface Recorded {
  method: string;
  url: string;
  status: number;
  contentType: string | undefined;
  body: string;
}

/**
 * Checks real answers against the OpenAPI document with Ajv, a validator that has nothing to do with zod (which
 * made both the answers and the document): a schema that says one thing while the route sends another is caught.
 */
export class Contract {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly routes: { pattern: RegExp; path: string }[];
  readonly exercised = new Set<string>();

  constructor(readonly document: OpenApiDocument) {
    addFormats.default(this.ajv);
    this.routes = Object.keys(document.paths).map((path) => ({
      path,
      pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
  }

  /** The operation that answers a method and URL: its path template, or undefined. */
  operation(method: string, url: string): { path: string; operation: Operation } | undefined {
    const pathname = new URL(url, 'http://x').pathname;
    // A literal segment wins over a template ("/items/completed" over "/items/{id}"), as in the router.
    const candidates = this.routes.filter(({ pattern }) => pattern.test(pathname));
    candidates.sort((a, b) => a.path.split('{').length - b.path.split('{').length);
    for (const { path } of candidates) {
      const operation = this.document.paths[path]?.[method.toLowerCase()];
      if (operation) return { path, operation };
    }
    return undefined;
  }

  /** Problems with one answer: an undocumented operation or status, a wrong content type, a body that differs. */
  check(answer: Recorded): string[] {
    const found = this.operation(answer.method, answer.url);
    if (!found) return [`${answer.method} ${answer.url}: no such operation in the document`];
    const id = found.operation.operationId ?? `${answer.method} ${found.path}`;
    this.exercised.add(id);
    const response = found.operation.responses[String(answer.status)];
    if (!response) return [`${id}: status ${answer.status} is not documented`];
    const content = response.content;
    // 204 No Content: whatever the document says the (empty) body's schema is, there is no body to check.
    if (answer.status === 204) return answer.body === '' ? [] : [`${id} 204: a body in a No Content answer`];
    if (!content) return answer.body === '' ? [] : [`${id} ${answer.status}: a body where the document has none`];
    const media = answer.contentType?.split(';')[0]?.trim() ?? '';
    const schema = content[media]?.schema;
    if (schema === undefined) return [`${id} ${answer.status}: content type ${media} is not documented`];
    const key = `${id} ${answer.status} ${media}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema as object);
      this.compiled.set(key, validate);
    }
    if (validate(JSON.parse(answer.body))) return [];
    return (validate.errors ?? []).map((error) => `${key}: ${error.instancePath || '/'} ${error.message ?? ''}`);
  }
}
