// One `create`: answers → plan → (dry run: print the tree) → render into staging → move → post steps.
import { buildPlan, type Plan } from './plan.js';
import { resolveAnswers, type GivenAnswers } from './answers.js';
import { writeWithPlop } from './plopfile.js';
import { postSteps } from './post.js';
import { checkRender } from './render.js';
import { catchSignals } from './signals.js';
import { writeThroughStaging } from './stage.js';
import { describeRemoval } from './target.js';
import { bold, dim, info, success, warn } from './ui.js';

export interface CreateInput {
  flags: GivenAnswers;
  presetFile?: string;
  dryRun: boolean;
}

/** Returns the exit code. */
export async function create({ flags, presetFile, dryRun }: CreateInput): Promise<number> {
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const answers = await resolveAnswers({ flags, presetFile, interactive, dryRun });
  const plan = buildPlan(answers);

  if (dryRun) {
    await checkRender(plan);
    info(printTree(answers.projectName, plan));
    const { targetState: state } = answers;
    const note =
      state.kind === 'not-empty' && !answers.overwrite
        ? ' (the target is not empty: a real run needs --overwrite)'
        : '';
    info(
      `\n${plan.files.length} files would be written to ${answers.target}${note}. Dry run: nothing was written.`,
    );
    if (state.kind === 'not-empty') info(describeRemoval(answers.target, state.entries));
    return 0;
  }

  // From here on Ctrl-C, SIGTERM and SIGHUP stop each phase at a safe point (see signals.ts).
  const interrupt = catchSignals();
  try {
    const staged = await writeThroughStaging(
      { target: answers.target, dir: answers.dir, state: answers.targetState },
      (staging) => writeWithPlop(plan, staging, interrupt.signal),
      interrupt.signal,
    );
    success(
      `Created ${bold(answers.packageName)} from the ${answers.template.name} template in ${answers.target} ${dim(`(${plan.files.length} files)`)}`,
    );
    if (staged.leftOver) {
      warn(
        `The old files could not all be removed (${staged.leftOver.reason}); what is left is in ${staged.leftOver.dir}: remove it yourself.`,
      );
    } else if (staged.removed > 0) {
      info(`Removed the ${staged.removed} old ${staged.removed === 1 ? 'entry' : 'entries'} it replaced.`);
    }
    return await postSteps(answers, interrupt.signal);
  } finally {
    interrupt.release();
  }
}

/** A `tree`-style listing of the plan's files. */
export function printTree(root: string, plan: Plan): string {
  interface Node {
    [name: string]: Node;
  }
  const tree: Node = {};
  for (const file of plan.files) {
    let node = tree;
    for (const part of file.path.split('/')) node = node[part] ??= {};
  }
  const lines = [`${root}/`];
  const walk = (node: Node, indent: string): void => {
    const names = Object.keys(node).sort();
    names.forEach((name, index) => {
      const last = index === names.length - 1;
      const child = node[name] as Node;
      const isDir = Object.keys(child).length > 0;
      lines.push(`${indent}${last ? '└── ' : '├── '}${name}${isDir ? '/' : ''}`);
      if (isDir) walk(child, indent + (last ? '    ' : '│   '));
    });
  };
  walk(tree, '');
  return lines.join('\n');
}
