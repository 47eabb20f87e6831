// Launches Chromium or Firefox ESR with the built extension installed and
// all traffic sent through the recording proxy.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { FIREFOX_ADDON_ID } from '../../extension/identity.mjs';

// Fixed so tests can open the extension's pages at a known moz-extension:// URL.
const FIREFOX_UUID = '7a1c7a3e-5f5b-4a53-9a37-2b7c6b0e7f11';

// Where each browser's own services are pointed: port 9 (discard) on
// loopback, where nothing listens, so a connection is refused at once.
const BROWSER_SERVICES_SINK = '127.0.0.1:9';

const CHROMIUM = process.env.TACTFUL_CHROMIUM || '/usr/bin/chromium';
const FIREFOX = process.env.TACTFUL_FIREFOX || '/usr/bin/firefox-esr';

/**
 * @param {'chromium' | 'firefox'} name
 * @param {{distDir: string, proxyPort: number, firefoxAddonId?: string, firefoxPrefs?: Record<string, unknown>}} options
 * @returns {Promise<{browser: import('puppeteer-core').Browser, extensionUrl: (path: string) => string, close: () => Promise<void>}>}
 */
export async function launchBrowser(name, { distDir, proxyPort, firefoxAddonId = FIREFOX_ADDON_ID, firefoxPrefs = {} }) {
  const profile = mkdtempSync(join(tmpdir(), `tactful-${name}-`));
  const cleanup = () => rmSync(profile, { recursive: true, force: true });
  if (name === 'chromium') {
    const browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      pipe: true,
      userDataDir: profile,
      enableExtensions: true,
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-domain-reliability',
        '--disable-features=HttpsUpgrades,NetworkTimeServiceQuerying,AutofillServerCommunication,MediaRouter',
        `--proxy-server=http://127.0.0.1:${proxyPort}`,
        // "<-loopback>" removes Chromium's implicit bypass, so even loopback
        // goes through the proxy, except one closed local port (below).
        `--proxy-bypass-list=<-loopback>;${BROWSER_SERVICES_SINK}`,
        // Chromium's own Google services (account list, component updates)
        // call home even with the switches above; point them at a closed
        // local port so the proxy log is exactly what pages and the
        // extension asked for.
        ...['gaia-url', 'google-apis-url', 'lso-url'].map((s) => `--${s}=http://${BROWSER_SERVICES_SINK}/`),
        `--component-updater=url-source=http://${BROWSER_SERVICES_SINK}/`,
      ],
    });
    // Loaded over the DevTools pipe (Extensions.loadUnpacked), like --load-extension.
    const id = await browser.installExtension(join(distDir, 'chrome'));
    return {
      browser,
      extensionUrl: (path) => `chrome-extension://${id}/${path}`,
      close: async () => {
        await browser.close();
        cleanup();
      },
    };
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    userDataDir: profile,
    // Lets the test navigate a tab to the extension's own pages (the popup).
    args: ['--remote-allow-system-access'],
    // Release builds honour services.settings.server (below) only with this.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      // Only the closed sink port (below) bypasses the proxy.
      'network.proxy.no_proxies_on': BROWSER_SERVICES_SINK,
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.socks_remote_dns': true,
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      // Firefox's own Remote Settings sync calls home even under automation.
      'services.settings.server': `http://${BROWSER_SERVICES_SINK}/v1`,
      'dom.security.https_first': false,
      'dom.security.https_first_schemeless': false,
      'extensions.webextensions.uuids': JSON.stringify({ [firefoxAddonId]: FIREFOX_UUID }),
      ...firefoxPrefs,
    },
  });
  await browser.installExtension(join(distDir, 'firefox'));
  return {
    browser,
    extensionUrl: (path) => `moz-extension://${FIREFOX_UUID}/${path}`,
    close: async () => {
      await browser.close();
      cleanup();
    },
  };
}
