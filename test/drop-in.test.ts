/**
 * The drop-in build as an embedding page meets it: built files from packages/widgets/dist/cdn/
 * (run `npm run build` first; `npm test` does). The steps build on each other, in order, on one page.
 */
import { expect, waitUntil } from '@open-wc/testing';

interface DropIn {
  getLocale(): string;
  setLocale(locale: string): Promise<string>;
  supportedLocales: readonly string[];
}

const cdn = '/packages/widgets/dist/cdn';
const load = (url: string) => import(/* @vite-ignore */ url) as Promise<DropIn>;

function captureWarnings() {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
  };
  return { warnings, restore: () => (console.warn = original) };
}

describe('drop-in build', () => {
  let all: DropIn;
  let switcherOnly: DropIn;

  before(() => {
    document.documentElement.lang = 'uk';
  });

  it('has no bare imports in any entry or chunk', async () => {
    const sizes = await (await fetch(`${cdn}/sizes.json`)).json();
    const files = new Set<string>(Object.values(sizes).flatMap((entry) => (entry as { files: string[] }).files));
    expect(files.size).to.be.greaterThan(1);
    for (const file of files) {
      const code = await (await fetch(`${cdn}/${file}`)).text();
      const bare = code.match(/(?:\bfrom|\bimport)\s*\(?\s*["'](?![./])[^"']+["']/);
      expect(bare, `${file} imports ${bare?.[0]}`).to.equal(null);
    }
  });

  it('stays within the size budgets: all widgets 40 KB, one widget 18 KB, gzip on first load', async () => {
    const sizes: Record<string, { initialGzip: number }> = await (await fetch(`${cdn}/sizes.json`)).json();
    expect(Object.keys(sizes)).to.include.members([
      'open-city-widgets.js',
      'language-switcher.js',
      'incident-report.js',
    ]);
    for (const [file, { initialGzip }] of Object.entries(sizes)) {
      const budget = file === 'open-city-widgets.js' ? 40 * 1024 : 18 * 1024;
      expect(initialGzip, `${file}: ${initialGzip} bytes`).to.be.at.most(budget);
    }
  });

  it('loads in few files and few steps: three files at first, then each lazy chunk with its imports at once', async () => {
    const sizes: Record<string, { files: string[] }> = await (await fetch(`${cdn}/sizes.json`)).json();
    // A single widget's first load: its entry, its element and core (the chunks by load phase).
    for (const [entry, { files }] of Object.entries(sizes)) {
      if (entry !== 'open-city-widgets.js') expect(files, entry).to.have.length.of.at.most(3);
    }
    const firstLoad = new Set(Object.values(sizes).flatMap(({ files }) => files));
    const code = new Map<string, string>();
    const read = async (file: string) => {
      if (!code.has(file)) code.set(file, await (await fetch(`${cdn}/${file}`)).text());
      return code.get(file)!;
    };
    const resolve = (from: string, path: string) => new URL(path, `https://cdn.test/${from}`).pathname.slice(1);
    const staticImports = (from: string, text: string) =>
      [...text.matchAll(/(?:\bfrom|\bimport)\s*"(\.[^"]+)"/g)].map((match) => resolve(from, match[1]));
    // From every file the pages can reach: a dynamic import asks, in the same Promise.all, for
    // what its target imports beyond the first load, so that nothing waits for the target's parse.
    const queue = [...firstLoad];
    const seen = new Set(queue);
    let lazyImports = 0;
    while (queue.length > 0) {
      const file = queue.shift()!;
      let text = await read(file);
      // The test server may reformat what it serves (spaces after commas).
      const group = /Promise\.all\(\[\s*((?:import\("[^"]+"\)\s*,?\s*)+)\]\)/g;
      const groups = [...text.matchAll(group)].map((match) =>
        [...match[1].matchAll(/import\("([^"]+)"\)/g)].map((inner) => resolve(file, inner[1])),
      );
      text = text.replace(group, '');
      const plain = [...text.matchAll(/import\("([^"]+)"\)/g)].map((match) => [resolve(file, match[1])]);
      for (const [target, ...alongside] of [...groups, ...plain]) {
        lazyImports++;
        for (const needed of staticImports(target, await read(target))) {
          if (firstLoad.has(needed) || needed === file) continue;
          expect(alongside, `${file} imports ${target}, which needs ${needed}`).to.include(needed);
        }
        for (const next of [target, ...alongside]) {
          if (seen.has(next)) continue;
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect(lazyImports).to.be.greaterThan(10);
  });

  it('two entry files on one page share one core and one page language', async () => {
    switcherOnly = await load(`${cdn}/language-switcher.js`);
    all = await load(`${cdn}/open-city-widgets.js`);
    expect(all.setLocale).to.equal(switcherOnly.setLocale);
    expect(all.supportedLocales).to.deep.equal([
      'en',
      'pl',
      'uk',
      'ru',
      'ar',
      'be',
      'ka',
      'es',
      'hi',
      'vi',
      'tr',
      'fa',
    ]);
    await waitUntil(() => all.getLocale() === 'uk', 'the page language from <html lang> was not applied');
    await all.setLocale('pl');
    expect(switcherOnly.getLocale()).to.equal('pl');
  });

  it('renders a switcher from the build in the page language, with a working choice of a newly shipped language', async () => {
    const element = document.createElement('oc-language-switcher');
    document.body.append(element);
    await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(element.lang).to.equal('pl');
    const select = element.shadowRoot!.querySelector('select')!;
    expect(element.shadowRoot!.querySelector('label')!.textContent!.trim()).to.equal('Język');
    // Persian: shipped since the twelve, right to left, with its strings in the build.
    select.value = 'fa';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => all.getLocale() === 'fa');
    await waitUntil(() => element.dir === 'rtl');
    await waitUntil(
      () => element.shadowRoot!.querySelector('label')!.textContent!.trim() === 'زبان',
      'no Persian strings',
    );
    expect(localStorage.getItem('oc-locale')).to.equal('fa');
    element.remove();
    localStorage.clear();
  });

  it('loading the same file twice neither throws nor defines twice', async () => {
    const defined = customElements.get('oc-language-switcher');
    const again = await load(`${cdn}/open-city-widgets.js`);
    expect(again).to.equal(all);
    expect(customElements.get('oc-language-switcher')).to.equal(defined);
  });

  it('a second build on the page does not throw, keeps the first definitions, and follows the page language', async () => {
    const defined = customElements.get('oc-language-switcher');
    const { warnings, restore } = captureWarnings();
    let second: DropIn;
    try {
      second = await load('/second-build/open-city-widgets.js');
    } finally {
      restore();
    }
    expect(second.setLocale).not.to.equal(all.setLocale, 'a separate copy of core');
    expect(customElements.get('oc-language-switcher')).to.equal(defined);
    expect(warnings.join('\n')).not.to.contain('Two versions');
    expect(second.getLocale()).to.equal(all.getLocale(), 'joins the current page language');
    await all.setLocale('ru');
    await waitUntil(() => second.getLocale() === 'ru', 'the second copy did not follow the first');
    await second.setLocale('uk');
    await waitUntil(() => all.getLocale() === 'uk', 'the first copy did not follow the second');
  });

  it('two versions on one page give a console warning, not an error', async () => {
    const { warnings, restore } = captureWarnings();
    try {
      await load('/other-version/language-switcher.js');
    } finally {
      restore();
    }
    expect(warnings.join('\n')).to.contain('Two versions of Open City Widgets');
    expect(warnings.join('\n')).to.contain('9.9.9');
  });
});
