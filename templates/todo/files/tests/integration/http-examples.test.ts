import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';

const t = useTestApp();

interface HttpRequest {
  title: string;
  name?: string;
  expect: number | undefined;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** The requests of a .http file (REST Client's syntax: @variables, ### between requests, # @name). */
function parse(text: string): { variables: Record<string, string>; requests: HttpRequest[] } {
  const variables: Record<string, string> = {};
  const requests: HttpRequest[] = [];
  for (const block of text.split(/^###/m)) {
    const lines = block.split('\n');
    const title = lines.shift()?.trim() ?? '';
    let name: string | undefined;
    let status: number | undefined;
    let at = 0;
    for (; at < lines.length; at++) {
      const line = lines[at]!.trim();
      const variable = /^@(\w+)\s*=\s*(.*)$/.exec(line);
      if (variable) variables[variable[1]!] = variable[2]!;
      else if (/^#\s*@name\s+(\w+)/.test(line)) name = /^#\s*@name\s+(\w+)/.exec(line)![1];
      else if (/^#\s*expect\s+(\d{3})/.test(line)) status = Number(/^#\s*expect\s+(\d{3})/.exec(line)![1]);
      else if (line !== '' && !line.startsWith('#')) break;
    }
    if (at >= lines.length) continue;
    const [method, url] = lines[at]!.trim().split(/\s+/);
    const headers: Record<string, string> = {};
    for (at++; at < lines.length && lines[at]!.trim() !== ''; at++) {
      const [key, ...value] = lines[at]!.split(':');
      headers[key!.trim().toLowerCase()] = value.join(':').trim();
    }
    const body = lines.slice(at).join('\n').trim();
    requests.push({ title, name, expect: status, method: method!, url: url!, headers, body });
  }
  return { variables, requests };
}

describe('api.http, the examples for a client with no browser', () => {
  it('runs as it is, request after request, each answering as its comment says', async () => {
    const { variables, requests } = parse(readFileSync(resolve(import.meta.dirname, '../../api.http'), 'utf8'));
    expect(requests.length).toBeGreaterThan(10);
    const answers: Record<string, { body: unknown; headers: Record<string, unknown> }> = {};
    const fill = (text: string): string =>
      text.replace(/\{\{([^}]+)\}\}/g, (_, reference: string): string => {
        if (reference in variables) return fill(variables[reference]!);
        const [name, , part, ...path] = reference.split('.');
        const answer = answers[name!];
        if (!answer) throw new Error(`{{${reference}}}: no earlier request is named ${name}`);
        let value: unknown = part === 'body' ? answer.body : answer.headers;
        for (const key of path.filter((key) => key !== '$')) value = (value as Record<string, unknown>)[key];
        return String(value);
      });

    for (const request of requests) {
      const url = new URL(fill(request.url));
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, fill(v)]));
      const response = await t.app.inject({
        method: request.method as 'GET',
        url: `${url.pathname}${url.search}`,
        headers,
        ...(request.body ? { payload: fill(request.body) } : {}),
      });
      const expected = request.expect;
      if (expected)
        expect({ request: request.title, status: response.statusCode }).toEqual({
          request: request.title,
          status: expected,
        });
      else
        expect({ request: request.title, ok: response.statusCode < 300 }).toEqual({ request: request.title, ok: true });
      if (request.name) answers[request.name] = { body: response.json(), headers: response.headers };
    }
  });
});
