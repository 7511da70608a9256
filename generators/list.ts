// `create-study-project list`: the kit's templates with a one-line description and their layers.
import { kitTemplateNames, loadTemplate } from './kit.js';
import { bold, dim, info } from './ui.js';

export function list(json: boolean): number {
  const templates = kitTemplateNames().map((name) => loadTemplate(name));
  if (json) {
    const rows = templates.map(({ name, title, description, flavour, layers, options }) => ({
      name,
      title,
      description,
      flavour,
      layers,
      options,
    }));
    info(JSON.stringify(rows, null, 2));
    return 0;
  }
  if (templates.length === 0) {
    info('The kit has no templates yet.');
    return 0;
  }
  const width = Math.max(...templates.map((t) => t.name.length));
  for (const template of templates) {
    const layers = template.layers.length ? dim(`  [${template.layers.join(' + ')}]`) : '';
    info(`${bold(template.name.padEnd(width))}  ${template.description}${layers}`);
  }
  return 0;
}
