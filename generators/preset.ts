// A preset: a JSON file with the flags' keys, so that a whole class gets the same answers. Checked key by key:
// an unknown key or a bad value names the key and what is allowed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';
import { isObject, isTemplatePath, parseJson } from './kit.js';
import { isPackageManagerName, PACKAGE_MANAGERS } from './package-manager.js';

/** What the user said, from flags or a preset file; anything may be missing. */
export interface Preset {
  dir?: string;
  template?: string;
  name?: string;
  install?: boolean;
  git?: boolean;
  overwrite?: boolean;
  packageManager?: string;
  yes?: boolean;
  /** Raw `key=value` strings from `--option`, or values from a preset. */
  options?: Record<string, unknown>;
}

const PRESET_KEYS = [
  'dir',
  'template',
  'name',
  'install',
  'git',
  'overwrite',
  'packageManager',
  'options',
  'yes',
];

export function readPreset(file: string): Preset {
  let raw: unknown;
  try {
    raw = parseJson(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`Cannot read preset ${file}: ${(error as Error).message}`);
  }
  if (!isObject(raw)) throw new UsageError(`Preset ${file} must be a JSON object`);
  const bad = (key: string, allowed: string, got: unknown = raw[key]): UsageError =>
    new UsageError(`Preset ${file}: "${key}" must be ${allowed} (got ${JSON.stringify(got)})`);
  const preset: Preset = {};
  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case 'install':
      case 'git':
      case 'overwrite':
      case 'yes':
        if (typeof value !== 'boolean') throw bad(key, 'true or false');
        preset[key] = value;
        break;
      case 'packageManager':
        if (!isPackageManagerName(value)) throw bad(key, `one of ${PACKAGE_MANAGERS.join(', ')}`);
        preset.packageManager = value;
        break;
      case 'name':
        if (typeof value !== 'string') throw bad(key, 'a package name string');
        preset.name = value;
        break;
      case 'dir':
        if (
          typeof value !== 'string' ||
          value === '' ||
          path.isAbsolute(value) ||
          value.split(/[/\\]/).includes('..')
        ) {
          throw bad(key, 'a relative directory path without ".."');
        }
        preset.dir = value;
        break;
      case 'template':
        if (typeof value !== 'string' || value === '') throw bad(key, 'a template name or folder path');
        // A folder path in a preset is relative to the preset file; recorded relative to the current directory.
        preset.template = templateFromPreset(value, path.dirname(file));
        break;
      case 'options':
        if (!isObject(value)) throw bad(key, 'an object of option name → value');
        for (const [name, option] of Object.entries(value)) {
          if (!['string', 'number', 'boolean'].includes(typeof option)) {
            throw bad(`options.${name}`, 'a string, number or boolean', option);
          }
        }
        preset.options = value;
        break;
      default:
        throw new UsageError(`Preset ${file}: unknown key "${key}". Allowed keys: ${PRESET_KEYS.join(', ')}`);
    }
  }
  return preset;
}

function templateFromPreset(value: string, presetDir: string): string {
  if (!isTemplatePath(value)) return value;
  const relative = path.relative(process.cwd(), path.resolve(presetDir, value)) || '.';
  return relative.startsWith('.') || path.isAbsolute(relative) ? relative : `./${relative}`;
}
