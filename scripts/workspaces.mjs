/**
 * The package list, in one place: the root package.json's `workspaces`, in dependency order.
 * The build, the drop-in entries, the manifests and the checks all read it from here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');

/** Each workspace: `{ name, folder, dir, manifest }`, where `manifest` is its parsed package.json. */
export function workspacePackages() {
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return workspaces
    .map((folder) => join(root, folder))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      return { name: manifest.name, folder: dir.slice(root.length + 1), dir, manifest };
    });
}
