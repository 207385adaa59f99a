/**
 * Types and editor data for the frameworks and editors our users work in, made from the merged
 * custom-elements.json by the well-kept custom-element integration generators, into
 * packages/widgets/dist/frameworks/:
 *   jsx.d.ts (element props for JSX), react.d.ts and preact.d.ts (JSX.IntrinsicElements),
 *   solid.d.ts, vue.d.ts (GlobalComponents), svelte.d.ts, vscode.html-custom-data.json,
 *   vscode.css-custom-data.json, web-types.json (JetBrains).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';
import { generateJetBrainsWebTypes } from 'custom-element-jet-brains-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';
import { generateSvelteTypes } from 'custom-element-svelte-integration';
import { generateSolidJsTypes } from 'custom-element-solidjs-integration';

/** `manifest`: the merged manifest; `widgetsDir`: packages/widgets. */
export function writeFrameworkTypes(manifest, widgetsDir) {
  const outdir = join(widgetsDir, 'dist', 'frameworks');
  mkdirSync(outdir, { recursive: true });
  // The generators wrap each event's type in CustomEvent<> themselves, so they get the detail types;
  // and they mutate what they read, so each gets its own copy.
  const copy = () => {
    const clone = structuredClone(manifest);
    for (const module of clone.modules)
      for (const declaration of module.declarations ?? [])
        for (const event of declaration.events ?? []) {
          const detail = /^CustomEvent<(.+)>$/.exec(event.type?.text ?? '')?.[1];
          if (detail) event.type = { text: detail };
        }
    return clone;
  };
  const common = { outdir, hideLogs: true, globalTypePath: '../index.js' };
  const typed = ['jsx.d.ts', 'solid.d.ts', 'vue.d.ts', 'svelte.d.ts'];
  generateJsxTypes(copy(), { ...common, fileName: typed[0] });
  generateSolidJsTypes(copy(), { ...common, fileName: typed[1] });
  generateVuejsTypes(copy(), { ...common, fileName: typed[2] });
  generateSvelteTypes(copy(), { ...common, fileName: typed[3] });
  // They import the element and detail types from the index, once per event: once is enough.
  for (const file of typed) {
    const path = join(outdir, file);
    const text = readFileSync(path, 'utf8').replace(/import type \{([^}]*)\} from "\.\.\/index\.js";/, (_, names) => {
      const unique = [
        ...new Set(
          names
            .split(',')
            .map((name) => name.trim())
            .filter(Boolean),
        ),
      ];
      return `import type { ${unique.join(', ')} } from '../index.js';`;
    });
    writeFileSync(path, text);
  }
  generateVsCodeCustomElementData(copy(), {
    outdir,
    hideLogs: true,
    htmlFileName: 'vscode.html-custom-data.json',
    cssFileName: 'vscode.css-custom-data.json',
  });
  // Vue names a listener by its handler key: `@oc-service-select` is the prop `onOcServiceSelect`
  // (what its compiler, vue-tsc and `h()` use; Vue turns it back into `oc-service-select` for the
  // DOM). The generator writes `onoc-service-select`, which Vue does not read as a listener.
  const vuePath = join(outdir, typed[2]);
  writeFileSync(
    vuePath,
    readFileSync(vuePath, 'utf8').replace(
      /"on([a-z][a-z0-9-]*)"\?:/g,
      (_, name) => `"on${name.replace(/(^|-)([a-z0-9])/g, (__, ___, letter) => letter.toUpperCase())}"?:`,
    ),
  );
  generateJetBrainsWebTypes(copy(), {
    outdir,
    hideLogs: true,
    webTypesFileName: 'web-types.json',
    // The widgets package.json names the file itself (`web-types`); the generator must not edit one.
    packageJson: false,
  });
  // It names the package it runs in (the repository's root); the file ships in @open-city/widgets.
  const webTypesPath = join(outdir, 'web-types.json');
  const { name, version } = JSON.parse(readFileSync(join(widgetsDir, 'package.json'), 'utf8'));
  const webTypes = JSON.parse(readFileSync(webTypesPath, 'utf8'));
  writeFileSync(webTypesPath, `${JSON.stringify({ ...webTypes, name, version }, null, 2)}\n`);
  // React 19 and Preact read the elements from their own JSX namespaces.
  const intrinsic = (module) => `// Types of the Open City Widgets elements in ${module}'s JSX. Use:
//   import type {} from '@open-city/widgets/${module}';
import type { CustomElements } from './jsx.js';

declare module '${module}' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends CustomElements {}
  }
}
`;
  writeFileSync(join(outdir, 'react.d.ts'), intrinsic('react'));
  writeFileSync(join(outdir, 'preact.d.ts'), intrinsic('preact'));
}
