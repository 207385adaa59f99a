#!/usr/bin/env node
/**
 * The plugin in a real WordPress (Debian's `wordpress` 6.1, `php-cli`, `php-mysql`, `mariadb-server`):
 * a throw-away MariaDB and WordPress under the system's temporary folder, the plugin installed
 * (copied, as a site would have it) and activated, pages made with every shortcode and every
 * block (and hostile values), fetched from PHP's built-in server, checked as HTML, and opened in
 * Chromium, where each widget must render. Every PHP file is linted first.
 *
 * Without php: every test is skipped, with the reason. Without WordPress or MariaDB: only the lint
 * runs, and the rest is skipped, with what to install. `node wordpress-test.mjs [counts.json]`.
 */
/* global document, window -- functions run in the page, by Playwright */
import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../../../scripts/chrome.mjs';
import { buildPlugin, versionProblems } from '../build.mjs';

const plugin = join(dirname(fileURLToPath(import.meta.url)), '..');
const repo = join(plugin, '../..');
const wordpressDir = process.env.WORDPRESS_DIR ?? '/usr/share/wordpress';
const counts = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

async function test(name, body) {
  try {
    await body();
    counts.passed++;
    console.log(`  ✓ ${name}`);
  } catch (error) {
    counts.failed++;
    failures.push(name);
    console.log(
      `  ✖ ${name}\n      ${String(error.stack ?? error)
        .split('\n')
        .slice(0, 6)
        .join('\n      ')}`,
    );
  }
}
function skip(names, reason) {
  for (const name of names) {
    counts.skipped++;
    console.log(`  - ${name} (skipped: ${reason})`);
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const has = (command) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const sbin = (name) =>
  ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin'].map((dir) => join(dir, name)).find(existsSync);

function phpFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'dist' || name === 'node_modules') return [];
    return statSync(path).isDirectory() ? phpFiles(path) : name.endsWith('.php') ? [path] : [];
  });
}

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function waitFor(check, what, ms = 20_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The pages the test makes: each widget as a shortcode, as a block, and hostile values of both. */
const pages = {
  shortcodes: [
    '[oc_language_switcher variant="list" locales="pl uk en ar"]',
    '[open_city_widget type="service-finder" src="/feeds/services.json" sync-url page-size="5"]',
    '[oc_event_calendar src="/feeds/events.json" view="list" month="2026-11" time-zone="Europe/Warsaw"]',
    '[oc_incident_report endpoint="/feeds/reports" privacy-url="/privacy/" emergency-number="112"]',
  ].join('\n\n'),
  blocks: [
    '<!-- wp:open-city/language-switcher {"variant":"select"} /-->',
    '<!-- wp:open-city/service-finder {"src":"/feeds/services.json?lang={lang}","view":"list","headingLevel":"3"} /-->',
    '<!-- wp:open-city/event-calendar {"src":"/feeds/events.json","view":"month","month":"2026-11"} /-->',
    '<!-- wp:open-city/incident-report {"endpoint":"/feeds/reports","supportPhone":"+48 12 616 12 34"} /-->',
  ].join('\n\n'),
  hostile: [
    // An editor with unfiltered_html (an administrator) stores these as typed. WordPress itself
    // defangs some shortcode values (it curls quotes, drops unclosed tags); block attributes arrive as
    // typed, so the last one breaks out of its attribute unless the plugin escapes it.
    `[oc_service_finder src='"><script>window.ocHacked=1</script>' onmouseover="window.ocHacked=2" time-zone='Europe/Warsaw" onfocus="window.ocHacked=3']`,
    '[oc_event_calendar src="javascript:window.ocHacked=4 https://example.org/ok.ics" view="month&quot; autofocus onfocus=&quot;window.ocHacked=5"]',
    `[oc_incident_report endpoint="//evil.example/steal" emergency-number="112<img src=x onerror=window.ocHacked=6>"]`,
    '[open_city_widget type="../../wp-config" src="/feeds/services.json"]',
    '<!-- wp:open-city/service-finder {"src":"data:text/html,<script>window.ocHacked=7</script>","view":"\\u0022><img src=x onerror=window.ocHacked=8>","mapAttribution":"OSM\\u0022><img src=x onerror=window.ocHacked=9>"} /-->',
  ].join('\n\n'),
  none: 'A page without widgets.',
};

async function main() {
  console.log('WordPress plugin (packages/wordpress)');
  const lint = 'every PHP file passes php -l (and the editor script parses)';
  const rest = [
    'the version is the same everywhere',
    'the plugin activates in WordPress without a PHP warning',
    "its attributes are the elements' attributes (custom-elements.json), in PHP and every block.json",
    'shortcodes render each element with its attributes, and enqueue its module script once',
    'blocks render each element, in the block wrapper',
    'hostile values are dropped or escaped: no script, no handler, no javascript: URL',
    'a page without widgets loads none of their scripts',
    'in Chromium, every widget on the shortcode and block pages renders, with no error',
    "in Chromium, the hostile page runs nothing and shows the widgets' own messages",
  ];
  if (!has('php')) {
    skip([lint, ...rest], 'php is not installed (Debian: apt-get install php-cli php-mysql mariadb-server wordpress)');
    return;
  }
  await test(lint, () => {
    for (const file of phpFiles(plugin)) execFileSync('php', ['-l', file], { stdio: 'pipe' });
    // The block editor's script runs as it is (no build step): at least it must parse.
    execFileSync(process.execPath, ['--check', join(plugin, 'editor/blocks.js')], { stdio: 'pipe' });
  });
  await test(rest[0], () => {
    const problems = versionProblems();
    assert(problems.length === 0, problems.join('; '));
  });
  const mariadbd = sbin('mariadbd') ?? sbin('mysqld');
  const installDb = sbin('mariadb-install-db') ?? sbin('mysql_install_db');
  const client = sbin('mariadb') ?? sbin('mysql');
  if (!existsSync(join(wordpressDir, 'wp-settings.php')) || !mariadbd || !installDb || !client) {
    skip(rest.slice(1), 'WordPress or MariaDB is not installed (Debian: apt-get install wordpress mariadb-server)');
    return;
  }

  const dir = mkdtempSync(join(tmpdir(), 'oc-wordpress-'));
  const children = [];
  const stop = () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.on('exit', stop);
  let browser;
  try {
    // MariaDB, on a socket only.
    const user = userInfo().username;
    const socket = join(dir, 'mysql.sock');
    execFileSync(
      installDb,
      [
        '--no-defaults',
        `--datadir=${join(dir, 'db')}`,
        `--user=${user}`,
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
      ],
      { stdio: 'pipe' },
    );
    const db = spawn(
      mariadbd,
      [
        '--no-defaults',
        `--datadir=${join(dir, 'db')}`,
        `--socket=${socket}`,
        '--skip-networking',
        `--user=${user}`,
        `--pid-file=${join(dir, 'mysql.pid')}`,
        `--log-error=${join(dir, 'mysql.err')}`,
        '--innodb-buffer-pool-size=32M',
      ],
      { stdio: 'ignore' },
    );
    children.push(db);
    await waitFor(() => existsSync(socket), 'MariaDB to start');
    execFileSync(client, ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', 'CREATE DATABASE wordpress'], {
      stdio: 'pipe',
    });

    // WordPress: Debian's files, with our wp-config.php and wp-content (the theme, the plugin as a site would have it).
    const port = await freePort();
    const site = `http://127.0.0.1:${port}`;
    const wp = join(dir, 'wp');
    cpSync(wordpressDir, wp, {
      recursive: true,
      dereference: true,
      filter: (source) => !source.endsWith('/.htaccess'),
    });
    mkdirSync(join(wp, 'wp-content/themes'), { recursive: true });
    cpSync(join(plugin, 'test/theme'), join(wp, 'wp-content/themes/open-city-test'), { recursive: true });
    buildPlugin();
    cpSync(plugin, join(wp, 'wp-content/plugins/open-city-widgets'), {
      recursive: true,
      filter: (source) => !source.startsWith(join(plugin, 'test')),
    });
    mkdirSync(join(wp, 'feeds'));
    cpSync(join(repo, 'packages/service-finder/sample/krakow-services.json'), join(wp, 'feeds/services.json'));
    cpSync(join(repo, 'packages/event-calendar/sample/krakow-events.json'), join(wp, 'feeds/events.json'));
    const debugLog = join(dir, 'debug.log');
    writeFileSync(
      join(wp, 'wp-config.php'),
      `<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:${socket}' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
$table_prefix = 'wp_';
define( 'WP_HOME', '${site}' );
define( 'WP_SITEURL', '${site}' );
define( 'WP_CONTENT_DIR', __DIR__ . '/wp-content' );
define( 'WP_CONTENT_URL', '${site}/wp-content' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', '${debugLog}' );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'DISABLE_WP_CRON', true );
define( 'WPLANG', 'pl_PL' );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`,
    );
    writeFileSync(
      join(wp, 'setup.php'),
      `<?php
$_SERVER['HTTP_HOST'] = '127.0.0.1:${port}';
$_SERVER['REQUEST_URI'] = '/';
define( 'WP_INSTALLING', true );
require __DIR__ . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
add_filter( 'pre_wp_mail', '__return_false' );
wp_install( 'Fundacja Otwarty Kraków', 'admin', 'admin@example.org', false, '', wp_generate_password( 24 ) );
switch_theme( 'open-city-test' );
$result = activate_plugin( 'open-city-widgets/open-city-widgets.php' );
if ( is_wp_error( $result ) ) {
	fwrite( STDERR, $result->get_error_message() );
	exit( 1 );
}
wp_set_current_user( 1 );
$ids = array();
foreach ( json_decode( file_get_contents( 'php://stdin' ), true ) as $slug => $content ) {
	$ids[ $slug ] = wp_insert_post(
		array(
			'post_type'    => 'page',
			'post_status'  => 'publish',
			'post_title'   => $slug,
			'post_name'    => $slug,
			'post_content' => wp_slash( $content ),
		)
	);
}
echo wp_json_encode( array( 'ids' => $ids, 'active' => is_plugin_active( 'open-city-widgets/open-city-widgets.php' ), 'definitions' => oc_widgets_definitions() ) );
`,
    );
    let setup;
    await test(rest[1], () => {
      const output = execFileSync('php', [join(wp, 'setup.php')], {
        input: JSON.stringify(pages),
        cwd: wp,
        encoding: 'utf8',
      });
      setup = JSON.parse(output.slice(output.indexOf('{')));
      assert(setup.active, 'the plugin is not active');
      const warnings = existsSync(debugLog)
        ? readFileSync(debugLog, 'utf8')
            .split('\n')
            .filter((line) => line.includes('open-city-widgets'))
        : [];
      assert(warnings.length === 0, `PHP said:\n${warnings.join('\n')}`);
    });
    if (!setup) {
      skip(rest.slice(2), 'WordPress could not be set up');
      return;
    }

    await test(rest[2], () => {
      const manifest = JSON.parse(readFileSync(join(repo, 'packages/widgets/custom-elements.json'), 'utf8'));
      const elements = Object.fromEntries(
        manifest.modules.flatMap((module) =>
          (module.declarations ?? [])
            .filter((d) => d.tagName)
            .map((d) => [d.tagName, (d.attributes ?? []).map((a) => a.name)]),
        ),
      );
      // The contract gives every widget but the switcher `heading-level`; a manifest may not list it yet.
      const contract = { 'oc-language-switcher': [] };
      const camel = (name) => name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
      const problems = [];
      for (const [type, definition] of Object.entries(setup.definitions)) {
        const ours = Object.keys(definition.attributes).sort();
        const theirs = [
          ...new Set([...(elements[definition.tag] ?? []), ...(contract[definition.tag] ?? ['heading-level'])]),
        ].sort();
        if (ours.join() !== theirs.join())
          problems.push(`${definition.tag}: the plugin has ${ours.join(', ')}; the element ${theirs.join(', ')}`);
        const block = JSON.parse(readFileSync(join(plugin, 'blocks', type, 'block.json'), 'utf8'));
        const blockNames = Object.keys(block.attributes).sort();
        if (blockNames.join() !== ours.map(camel).sort().join())
          problems.push(`blocks/${type}/block.json has ${blockNames.join(', ')}`);
        for (const [name, attribute] of Object.entries(definition.attributes)) {
          const inBlock = block.attributes[camel(name)];
          if (inBlock && (attribute.kind === 'boolean') !== (inBlock.type === 'boolean'))
            problems.push(`blocks/${type}/block.json: ${camel(name)} has type ${inBlock.type}`);
          if (
            inBlock &&
            attribute.kind === 'enum' &&
            JSON.stringify(inBlock.enum) !== JSON.stringify(['', ...attribute.values])
          )
            problems.push(`blocks/${type}/block.json: ${camel(name)} allows ${inBlock.enum}`);
        }
      }
      assert(problems.length === 0, problems.join('\n'));
    });

    // PHP's built-in server, as the web server.
    const server = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', wp], { cwd: wp, stdio: 'ignore' });
    children.push(server);
    await waitFor(
      () =>
        fetch(`${site}/wp-login.php`)
          .then(() => true)
          .catch(() => false),
      'the PHP server',
    );
    const html = {};
    for (const [slug, id] of Object.entries(setup.ids)) {
      const response = await fetch(`${site}/?page_id=${id}`);
      html[slug] = await response.text();
      if (!response.ok) throw new Error(`page ${slug}: HTTP ${response.status}\n${html[slug].slice(0, 500)}`);
    }
    const scriptsIn = (page) =>
      [...page.matchAll(/<script\b[^>]*\bsrc="([^"]*open-city-widgets\/dist\/cdn\/[^"]*)"[^>]*>/g)].map(
        (match) => match,
      );
    const tagOf = (page, tag) => new RegExp(`<${tag}(\\s[^>]*)?></${tag}>`).exec(page)?.[0];

    await test(rest[3], () => {
      const page = html.shortcodes;
      const expected = {
        'oc-language-switcher': '<oc-language-switcher locales="pl uk en ar" variant="list"></oc-language-switcher>',
        'oc-service-finder':
          '<oc-service-finder src="/feeds/services.json" sync-url page-size="5"></oc-service-finder>',
        'oc-event-calendar':
          '<oc-event-calendar src="/feeds/events.json" view="list" time-zone="Europe/Warsaw" month="2026-11"></oc-event-calendar>',
        'oc-incident-report':
          '<oc-incident-report endpoint="/feeds/reports" privacy-url="/privacy/" emergency-number="112"></oc-incident-report>',
      };
      for (const [tag, markup] of Object.entries(expected))
        assert(tagOf(page, tag) === markup, `${tag}: ${tagOf(page, tag)}`);
      const scripts = scriptsIn(page);
      const files = scripts.map((match) => /cdn\/([a-z-]+\.js)/.exec(match[1])[1]).sort();
      assert(
        files.join() === 'event-calendar.js,incident-report.js,language-switcher.js,service-finder.js',
        `scripts: ${files.join(', ')}`,
      );
      for (const [tag] of scripts) assert(/type="module"/.test(tag), `not a module: ${tag}`);
      assert(/<html[^>]*\blang="pl-PL"/.test(page), 'the page has no lang for the widgets to follow');
    });

    await test(rest[4], () => {
      const page = html.blocks;
      const wrapped = (type, markup) =>
        new RegExp(
          `<div class="wp-block-open-city-${type}">\\s*${markup.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*</div>`,
        ).test(page);
      assert(
        wrapped('language-switcher', '<oc-language-switcher variant="select"></oc-language-switcher>'),
        'switcher block',
      );
      assert(
        wrapped(
          'service-finder',
          '<oc-service-finder src="/feeds/services.json?lang={lang}" view="list" heading-level="3"></oc-service-finder>',
        ),
        `finder block: ${tagOf(page, 'oc-service-finder')}`,
      );
      assert(
        wrapped(
          'event-calendar',
          '<oc-event-calendar src="/feeds/events.json" view="month" month="2026-11"></oc-event-calendar>',
        ),
        `calendar block: ${tagOf(page, 'oc-event-calendar')}`,
      );
      assert(
        wrapped(
          'incident-report',
          '<oc-incident-report endpoint="/feeds/reports" support-phone="+48 12 616 12 34"></oc-incident-report>',
        ),
        `report block: ${tagOf(page, 'oc-incident-report')}`,
      );
      assert(scriptsIn(page).length === 4, `${scriptsIn(page).length} widget scripts`);
    });

    await test(rest[5], () => {
      const page = html.hostile;
      const main = page.slice(page.indexOf('<main>'), page.indexOf('</main>'));
      assert(!/ocHacked/.test(main), `a hostile value reached the page:\n${main}`);
      assert(!/javascript:|data:text|evil\.example/.test(main), 'a hostile URL reached the page');
      assert(!/<(img|b|script)\b/.test(main), 'hostile markup reached the page');
      const finders = [...main.matchAll(/<oc-service-finder[^>]*>/g)].map((match) => match[0]);
      assert(
        finders.join() === '<oc-service-finder>,<oc-service-finder map-attribution="OSM&quot;&gt;">',
        `finders: ${finders.join()}`,
      );
      assert(
        tagOf(main, 'oc-event-calendar') === '<oc-event-calendar src="https://example.org/ok.ics"></oc-event-calendar>',
        `calendar: ${tagOf(main, 'oc-event-calendar')}`,
      );
      assert(tagOf(main, 'oc-incident-report') === '<oc-incident-report></oc-incident-report>', 'report');
      // A note for the site's editors, in the site's language (the plugin's Polish translation).
      assert(
        main.includes('<!-- Open City Widgets: nieznany typ widżetu. -->'),
        'an unknown type leaves no note, in Polish, for the site',
      );
    });

    await test(rest[6], () => {
      assert(scriptsIn(html.none).length === 0, 'a page without widgets loads their scripts');
      assert(!/<oc-/.test(html.none), 'a page without widgets has an element');
    });

    browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs() });
    const open = async (slug) => {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('dialog', (dialog) => {
        errors.push(`a dialog opened: ${dialog.message()}`);
        dialog.dismiss();
      });
      await page.goto(`${site}/?page_id=${setup.ids[slug]}`);
      return { page, errors };
    };
    /** Each element on the page: its tag, its shadow root's text, and whether it holds an alert. */
    const rendered = (page) =>
      page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((element) => element.localName.startsWith('oc-'))
          .map((element) => ({
            tag: element.localName,
            text: (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim(),
            alert: !!element.shadowRoot?.querySelector('[role="alert"]'),
            lang: element.getAttribute('lang'),
          })),
      );
    await test(rest[7], async () => {
      for (const slug of ['shortcodes', 'blocks']) {
        const { page, errors } = await open(slug);
        await page.waitForFunction(
          () =>
            [...document.querySelectorAll('main *')]
              .filter((element) => element.localName.startsWith('oc-'))
              .every(
                (element) =>
                  (element.shadowRoot?.textContent ?? '').trim().length > 20 &&
                  !element.shadowRoot.querySelector('[aria-busy="true"]'),
              ),
          undefined,
          { timeout: 20_000 },
        );
        const widgets = await rendered(page);
        assert(widgets.length === 4, `${slug}: ${widgets.length} widgets`);
        for (const widget of widgets) {
          assert(!widget.alert, `${slug}: ${widget.tag} shows an error: ${widget.text.slice(0, 200)}`);
          assert(widget.lang === 'pl', `${slug}: ${widget.tag} is in "${widget.lang}", not the site's Polish`);
        }
        assert(errors.length === 0, `${slug}: ${errors.join('; ')}`);
        await page.close();
      }
    });
    await test(rest[8], async () => {
      const { page, errors } = await open('hostile');
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('main *')]
            .filter((element) => element.localName.startsWith('oc-'))
            .every((element) => (element.shadowRoot?.textContent ?? '').trim().length > 20),
        undefined,
        { timeout: 20_000 },
      );
      const widgets = await rendered(page);
      const hacked = await page.evaluate(() => window.ocHacked);
      assert(hacked === undefined, `hostile code ran: ${hacked}`);
      assert(errors.length === 0, errors.join('; '));
      // The finders without a src and the report without an endpoint say so, in the widget.
      const alerts = widgets.filter((widget) => widget.alert).map((widget) => widget.tag);
      assert(
        alerts.filter((tag) => tag === 'oc-service-finder').length === 2 && alerts.includes('oc-incident-report'),
        `widgets with a message: ${alerts.join(', ')}`,
      );
      await page.close();
    });
  } finally {
    await browser?.close();
    stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    rmSync(dir, { recursive: true, force: true });
  }
}

const countsFile = process.argv[2];
main()
  .catch((error) => {
    counts.failed++;
    console.log(`  ✖ the WordPress test could not run: ${error.stack ?? error}`);
  })
  .finally(() => {
    if (countsFile) writeFileSync(countsFile, JSON.stringify(counts));
    console.log(`WordPress: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    process.exitCode = counts.failed ? 1 : 0;
  });
