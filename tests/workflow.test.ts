import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintWorkflow } from '../generators/verify/workflow.js';

describe("the generator repository's own CI workflow", () => {
  it('has no actionlint findings', async () => {
    expect(await lintWorkflow(path.resolve(import.meta.dirname, '..'))).toEqual({
      ok: true,
      output: '.github/workflows/ci.yml: no findings',
    });
  });
});
