// The generator's own modules: no import cycle (static, dynamic or type-only), so that each one can be read,
// loaded and tested on its own terms.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.js';

const generators = path.join(root, 'generators');

/** module (relative to generators/, without extension) → the modules it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const files = readdirSync(generators, { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('.ts'),
  );
  for (const file of files) {
    const source = readFileSync(path.join(generators, file), 'utf8');
    const specifiers = [
      ...source.matchAll(/\bfrom\s+'(\.[^']+)'/g),
      ...source.matchAll(/\bimport\(\s*'(\.[^']+)'\s*\)/g),
    ].map((match) => match[1]!);
    const edges = specifiers.map((specifier) =>
      path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)).replace(/\.js$/, ''),
    );
    graph.set(file.replace(/\.ts$/, ''), [...new Set(edges)]);
  }
  return graph;
}

function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const walk = (node: string, trail: string[]): void => {
    const at = trail.indexOf(node);
    if (at >= 0) {
      found.push([...trail.slice(at), node]);
      return;
    }
    if (done.has(node)) return;
    for (const next of graph.get(node) ?? []) walk(next, [...trail, node]);
    done.add(node);
  };
  for (const node of graph.keys()) walk(node, []);
  return found;
}

describe("the generator's modules", () => {
  it('import each other without a cycle', () => {
    const graph = importGraph();
    expect(graph.get('answers')).toContain('prompts'); // the graph sees dynamic imports too
    expect(cycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });
});
