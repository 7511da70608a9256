// The node-plop generator. Its one action is a custom action type that writes the plan with our file rules
// (node-plop's built-in add/addMany would render every text file, skip dot-files and resolve paths from the
// current directory). Paths are absolute throughout.
import type { CustomActionConfig } from 'node-plop';
import { CancelledError } from './errors.js';
import type { Plan } from './plan.js';
import { writePlan } from './render.js';

const WRITE_PLAN = 'study-project:write-plan';

export async function writeWithPlop(plan: Plan, destination: string, signal: AbortSignal): Promise<void> {
  const { default: nodePlop } = await import('node-plop');
  const plop = await nodePlop('', { destBasePath: destination, force: false });
  plop.setActionType(WRITE_PLAN, async (_answers, config) => {
    const count = await writePlan(
      config.plan as Plan,
      config.destination as string,
      config.signal as AbortSignal,
    );
    return `${count} files written to ${String(config.destination)}`;
  });
  const writeAction: CustomActionConfig<typeof WRITE_PLAN> = {
    type: WRITE_PLAN,
    plan,
    destination,
    signal,
    abortOnFail: true,
  };
  const project = plop.setGenerator('project', {
    description: 'A study project: the template, its layers and the answers',
    prompts: [],
    actions: [writeAction],
  });
  const { failures } = await project.runActions({});
  if (signal.aborted) throw new CancelledError();
  const failure = failures[0];
  if (failure) throw new Error(failure.error || failure.message);
}
