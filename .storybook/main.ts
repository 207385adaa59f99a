import type { StorybookConfig } from '@storybook/web-components-vite';
import { transform } from 'esbuild';
import { defaultClientConditions, type Plugin } from 'vite';

/**
 * Vite 8 strips TypeScript with Oxc but leaves TC39 decorators in place, which no browser runs yet:
 * compile the packages' sources with esbuild first.
 */
function compileDecorators(): Plugin {
  return {
    name: 'open-city:compile-decorators',
    enforce: 'pre',
    async transform(code, id) {
      if (!/\/packages\/[^/]+\/src\/.*\.ts$/.test(id.split('?')[0])) return undefined;
      const result = await transform(code, { loader: 'ts', target: 'es2022', sourcemap: true, sourcefile: id });
      return { code: result.code, map: result.map };
    },
  };
}

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    viteConfig.plugins = [compileDecorators(), ...(viteConfig.plugins ?? [])];
    viteConfig.resolve = {
      ...viteConfig.resolve,
      // Import the packages' TypeScript sources, as tests and the type check do.
      conditions: ['@open-city/source', ...defaultClientConditions],
    };
    viteConfig.optimizeDeps = {
      ...viteConfig.optimizeDeps,
      include: [
        ...(viteConfig.optimizeDeps?.include ?? []),
        'lit',
        'lit/decorators.js',
        'lit/directive-helpers.js',
        '@lit/localize',
      ],
    };
    return viteConfig;
  },
};

export default config;
