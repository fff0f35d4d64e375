// The engines other than Chromium, driven through W3C WebDriver with selenium-webdriver:
// Gecko (Debian's Firefox ESR, headless, through geckodriver) and WebKit (WebKitGTK's
// MiniBrowser through WebKitWebDriver; it needs a display: tools/test.sh runs it under
// xvfb-run). Each driver is started here on a free loopback port and the client only
// talks to it, so Selenium Manager never runs and nothing is downloaded.
//
// Every difference between engines lives in ENGINES below. The widget itself needs
// none: the same shadow DOM, the same keystrokes and the same in-page scripts pass in
// all three.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Builder } from 'selenium-webdriver';
import remote from 'selenium-webdriver/remote/index.js';
import portprober from 'selenium-webdriver/net/portprober.js';
import { ARTIFACTS } from '../e2e/harness.mjs';

/** WebKitGTK's MiniBrowser sits in the multiarch library folder (x86_64-linux-gnu, …). */
function miniBrowser() {
  for (const dir of readdirSync('/usr/lib')) {
    const path = join('/usr/lib', dir, 'webkit2gtk-4.1', 'MiniBrowser');
    if (existsSync(path)) return path;
  }
  return '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
}

export const ENGINES = {
  gecko: {
    label: 'Firefox ESR',
    // geckodriver comes from crates.io (tools/setup.sh), Firefox ESR from Debian.
    driver: process.env.GECKODRIVER ?? join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin', 'geckodriver'),
    args: (port) => ['--port', String(port), '--host', '127.0.0.1'],
    capabilities: () => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        // Gecko: headless by a flag of its own, no display needed.
        args: ['-headless'],
        prefs: { 'intl.accept_languages': 'fr-FR, fr', 'browser.shell.checkDefaultBrowser': false },
      },
    }),
  },
  webkit: {
    label: 'WebKitGTK',
    driver: '/usr/bin/WebKitWebDriver',
    args: (port) => [`--port=${port}`],
    capabilities: () => ({
      browserName: 'MiniBrowser',
      // WebKitGTK: the MiniBrowser has no headless mode of its own in Debian 12's
      // build, so it draws into the Xvfb display that xvfb-run gives the test run;
      // --automation lets WebKitWebDriver take control of it.
      'webkitgtk:browserOptions': { binary: miniBrowser(), args: ['--automation'] },
    }),
  },
};

/**
 * Starts the engine's driver and one browser session. Returns { driver, label, version,
 * screenshot(name), close() }.
 */
export async function startEngine(name) {
  const engine = ENGINES[name];
  if (!engine) throw new Error(`unknown engine ${name} (${Object.keys(ENGINES).join(', ')})`);
  if (!existsSync(engine.driver)) throw new Error(`${engine.driver} is missing: run tools/setup.sh`);
  const port = await portprober.findFreePort('127.0.0.1');
  const service = new remote.DriverService(engine.driver, { port, args: engine.args(port), loopback: true });
  const url = await service.start(30_000);
  let driver;
  try {
    driver = await new Builder().disableEnvironmentOverrides().usingServer(url)
      .withCapabilities(engine.capabilities()).build();
    await driver.manage().window().setRect({ width: 1280, height: 900 }).catch(() => {});
  } catch (e) {
    await service.kill();
    throw e;
  }
  const version = (await driver.getCapabilities()).get('browserVersion');
  return {
    driver,
    label: engine.label,
    version,
    /** Saves what the browser shows under tests/e2e/artifacts/ as NAME-ENGINE.png. */
    async screenshot(shot) {
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, `${shot}-${name}.png`), await driver.takeScreenshot(), 'base64');
    },
    async close() {
      await driver.quit().catch(() => {});
      await service.kill();
    },
  };
}
