// What node-plop gets instead of inquirer (see plopfile.ts): the two members it touches when it loads.
// Our questions are asked with `prompts` before node-plop runs, so node-plop never prompts.
function prompt(): never {
  throw new Error('create-study-project asks its questions with prompts; node-plop prompts are not used');
}
prompt.prompts = {};

export default {
  registerPrompt(): void {},
  prompt,
};
