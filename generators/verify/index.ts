// `create-study-project verify [template|path ...]`: for each template, in a fresh temp dir, run every step of
// STEPS in order. One line per finished step; on failure the step's output tail, and that template stops
// (later steps can't be trusted). Exit code 0 only when every step of every template passed.
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tmp from 'tmp';
import { errorMessage, UsageError } from '../errors.js';
import { isTemplatePath, kitTemplateNames, loadTemplate, type Template } from '../kit.js';
import { bold, dim, green, info, red, warn, yellow } from '../ui.js';
import { describeMissing, missingNeeds } from './needs.js';
import { baseEnv, tail, type StepContext, type StepOutcome } from './run.js';
import { STEP_NAMES, STEPS } from './steps.js';

export interface VerifyInput {
  targets: string[];
  keep: boolean;
  skip: string[];
}

interface TemplateResult {
  label: string;
  passed: number;
  failedStep?: string;
  message?: string;
  seconds: number;
}

export async function verify({ targets, keep, skip }: VerifyInput): Promise<number> {
  const unknown = skip.filter((name) => !STEP_NAMES.includes(name));
  if (unknown.length > 0) {
    throw new UsageError(
      `Unknown step(s) for --skip: ${unknown.join(', ')}. Steps: ${STEP_NAMES.join(', ')}`,
    );
  }
  if (skip.includes('generate'))
    throw new UsageError('The generate step cannot be skipped: every other step needs it');
  const templates = targets.length > 0 ? targets : kitTemplateNames();
  if (templates.length === 0)
    throw new UsageError('The kit has no templates to verify; name a template folder');
  // What the machine lacks is named all at once, before the first template (a template that does not load is
  // reported in its turn, below).
  const manifests = templates.flatMap((template) => {
    try {
      return [loadTemplate(template)];
    } catch {
      return [];
    }
  });
  const missing = await missingNeeds(manifests, skip);
  if (missing.length > 0) throw new UsageError(describeMissing(missing));
  if (skip.length > 0)
    warn(yellow(bold(`SKIPPING ${skip.join(', ')} (--skip): this is not a full template check.`)));

  const results: TemplateResult[] = [];
  for (const template of templates) results.push(await verifyTemplate(template, keep, skip));

  info(`\n${bold('Summary')}`);
  for (const result of results) {
    const time = dim(formatSeconds(result.seconds));
    if (result.failedStep) {
      info(
        `  ${red('✗')} ${result.label}  failed at ${bold(result.failedStep)}: ${result.message ?? ''}  ${time}`,
      );
    } else {
      info(`  ${green('✓')} ${result.label}  ${result.passed} steps passed  ${time}`);
    }
  }
  if (skip.length > 0)
    info(yellow(`  SKIPPED: ${skip.join(', ')} (--skip) — not a full check; CI never skips.`));
  const failed = results.filter((result) => result.failedStep).length;
  info(
    failed === 0
      ? green('  All templates are green.')
      : red(`  ${failed} of ${results.length} template(s) failed.`),
  );
  return failed === 0 ? 0 : 1;
}

async function verifyTemplate(given: string, keep: boolean, skip: string[]): Promise<TemplateResult> {
  const started = performance.now();
  const seconds = (): number => (performance.now() - started) / 1000;
  let manifest: Template;
  try {
    manifest = loadTemplate(given);
  } catch (error) {
    info(`${red('✗')} ${given} › generate  ${errorMessage(error)}`);
    return {
      label: given,
      passed: 0,
      failedStep: 'generate',
      message: errorMessage(error),
      seconds: seconds(),
    };
  }
  const label = isTemplatePath(given) ? `${manifest.name} (${given})` : manifest.name;
  const workDir = tmp.dirSync({ tmpdir: os.tmpdir(), prefix: `study-verify-${manifest.name}` }).name;
  const ctx: StepContext = {
    template: isTemplatePath(given) ? path.resolve(given) : given,
    manifest,
    workDir,
    projectDir: path.join(workDir, manifest.name),
    env: baseEnv(),
  };
  // Ctrl-C: the steps' children get it too; remove the temp dir (unless --keep) on the way out.
  const onSignal = (): void => {
    if (!keep) rmSync(workDir, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', onSignal);

  let passed = 0;
  try {
    for (const step of STEPS) {
      if (skip.includes(step.name)) {
        info(`${yellow('-')} ${label} › ${step.name}  ${yellow('SKIPPED')}`);
        continue;
      }
      const stepStarted = performance.now();
      const outcome: StepOutcome = await step.run(ctx).catch((error: unknown) => ({
        ok: false,
        output: error instanceof Error ? (error.stack ?? error.message) : String(error),
        message: errorMessage(error),
      }));
      const time = dim(formatSeconds((performance.now() - stepStarted) / 1000));
      if (outcome.ok) {
        passed += 1;
        info(
          `${green('✓')} ${label} › ${step.name}  ${time}${outcome.summary ? `  ${dim(outcome.summary)}` : ''}`,
        );
        continue;
      }
      info(`${red('✗')} ${label} › ${step.name}  ${time}`);
      info(`  ${outcome.message ?? 'failed'}`);
      const output = tail(outcome.output);
      if (output) info(dim(output.replace(/^/gm, '  │ ')));
      return { label, passed, failedStep: step.name, message: outcome.message, seconds: seconds() };
    }
    return { label, passed, seconds: seconds() };
  } finally {
    process.off('SIGINT', onSignal);
    if (keep) info(dim(`  kept: ${ctx.projectDir}`));
    else rmSync(workDir, { recursive: true, force: true });
  }
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  return `${Math.floor(seconds / 60)}m ${Math.round(seconds % 60)}s`;
}
