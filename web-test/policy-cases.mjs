// The enterprise policy tests: one managed configuration, written as a real
// policy file before the browser starts (web-test/lib/policy-files.mjs),
// and what it must do to pages and to the options page. Run by
// `node web-test/run.mjs --suite policy`.
import { assert, assertEqual } from './lib/harness.mjs';
import {
  badgeState, cardState, clickBadgeButton, clickCardButton, highlightTexts, highlightVersusWord, hoverForCard,
  typeInto, waitForBadge, waitForDrawn, waitForHighlight, waitForNoHighlight,
} from './lib/page-helpers.mjs';
import { REPLY_TEXT, SITE_FIXTURES, targetOf, underlines, waitForSkipped } from './site-cases.mjs';

/** @typedef {import('puppeteer-core').Page} Page */
/**
 * @typedef {import('./cases.mjs').Ctx & {
 *   updatePolicy: ((policy: object) => void) | null,
 *   pagePort: number,
 * }} PolicyCtx
 */

const REPLY = "Thanks for writing. You should have told us sooner. We're sorry if it was confusing.";

/**
 * The managed configuration under test. Its bad items sit next to good ones
 * that must still apply. All but one are wrong in ways only Tactful can
 * judge; `disabledRules` also has an item of the wrong JSON type, for which
 * Chrome drops the whole key before Tactful sees it (chrome://policy says
 * so), while Firefox passes it on and Tactful skips just that item.
 * `blockedSites` is one entry over its limit.
 */
export const TEST_POLICY = {
  categories: { blame: false },
  glossary: [
    { term: 'zorblax', plain: 'the sync service', why: 'Zorblax is our internal code name.' },
    { term: '   ', plain: 'nothing' },
  ],
  phrases: [
    { pattern: '(per my last', category: 'tone', message: 'A broken pattern' },
    { pattern: '\\bper my last email\\b', category: 'tone', message: 'Sounds impatient', suggestions: ['as I mentioned'] },
  ],
  disabledRules: ['tone.shouting', 7],
  // Every test host is under tactful.test; the page server's own address is not.
  allowedSites: ['tactful.test'],
  blockedSites: ['denied.tactful.test', 'https://bad.example/', ...Array.from({ length: 999 }, (_, i) => `filler-${i}.example`)],
  lockedSettings: ['audience', 'categories', 'glossary', 'disabledRules'],
  supportContact: { name: 'IT Service Desk', email: 'help@example.com', url: 'https://intranet.example.com/tactful' },
  checkInternalNotes: false,
};

/**
 * The rejected items the options page must list, by policy key.
 * @param {'chromium' | 'firefox'} browserName
 * @returns {Record<string, RegExp>}
 */
const expectedRejections = (browserName) => ({
  'glossary[1].term': /is required/,
  'phrases[0].pattern': /missing \)/,
  'blockedSites': /has 1001 items; only the first 1000 are used/,
  'blockedSites[1]': /host name/,
  ...(browserName === 'firefox' ? { 'disabledRules[1]': /must be a rule id/ } : {}),
});

/**
 * Opens an extension page in a tab of its own (Firefox's WebDriver BiDi
 * reports no load event for moz-extension:// documents, so the caller waits
 * for the page's content).
 * @param {PolicyCtx} t
 * @param {string} path
 */
async function openExtensionPage(t, path) {
  const page = await t.newPage();
  await page.goto(t.extensionUrl(path), { waitUntil: 'domcontentloaded', timeout: 3000 }).catch(() => {});
  return page;
}

/**
 * Opens the options page and waits until it has the policy.
 * @param {PolicyCtx} t
 */
async function openOptions(t) {
  const options = await openExtensionPage(t, 'options/options.html');
  await options.waitForSelector('#managed:not([hidden]) #contact:not([hidden])', { timeout: 8000 });
  return options;
}

/**
 * Waits for the content script's explicit signal that Tactful is off on
 * this site (it never silently does nothing), then checks nothing is drawn.
 * @param {Page} page
 */
async function waitForSiteOff(page, timeout = 8000) {
  await page.waitForFunction(() => (window.tactfulEvents ?? []).some((e) => e.name === 'site-off'), { timeout, polling: 50 });
}

/**
 * Types text on a page of its own, waits for `phrase` to be underlined in
 * its category, and checks its card offers the suggestion (capitalized at a
 * sentence start, so compared without case).
 * @param {PolicyCtx} t
 * @param {string} host
 * @param {string} text
 * @param {string} category
 * @param {string} phrase
 * @param {string} suggestion
 */
async function assertFlagged(t, host, text, category, phrase, suggestion) {
  const page = await t.open(host, 'editable.html');
  await typeInto(page, '#editor', text);
  await waitForHighlight(page, category, phrase);
  const boxes = await highlightVersusWord(page, category, phrase);
  const card = await hoverForCard(page, /** @type {any} */ (boxes).word);
  assert(card.targets.some((b) => b.label.toLowerCase() === suggestion.toLowerCase()),
    `card for "${phrase}" has no "${suggestion}": ${JSON.stringify(card.targets.map((b) => b.label))}`);
}

/** @type {Array<[string, (t: PolicyCtx) => Promise<void>]>} */
const CASES = [
  ['policy: a category the organization turned off is not underlined; the others are', async (t) => {
    const page = await t.open('policy-categories', 'editable.html');
    await typeInto(page, '#editor', REPLY);
    await waitForHighlight(page, 'apology', "We're sorry if");
    await waitForDrawn(page);
    // Blame and apology findings come from the same check of the same text.
    assertEqual((await highlightTexts(page)).blame, undefined, 'blame underlines');
  }],

  ["policy: an organization glossary term is flagged with the organization's suggestion", async (t) => {
    // The finding takes the article with it, as the suggestion has its own.
    await assertFlagged(t, 'policy-glossary', 'The zorblax is back up. Thanks for waiting.', 'jargon', 'The zorblax',
      'the sync service');
  }],

  ['policy: an organization phrase is flagged although a broken one next to it is skipped', async (t) => {
    await assertFlagged(t, 'policy-phrases', 'Per my last email, the fix is live.', 'tone', 'Per my last email', 'as I mentioned');
  }],

  ["policy: with the audience locked, the badge shows the organization's reader, which no editor can switch", async (t) => {
    // The site table would make this ServiceNow editor's reader a colleague;
    // the policy locks the audience at its default, a customer.
    const page = await t.open('acme.service-now.com', 'editable.html');
    await typeInto(page, '#editor', "I've escalated your ticket to L2 and will update you by EOD.");
    await waitForHighlight(page, 'jargon', 'EOD');  // office shorthand: flagged for customers only
    await waitForBadge(page, { visible: true, audience: 'customer' });
    assert((await badgeState(page))?.readerManaged === true, 'badge does not say the reader is managed');
    await clickBadgeButton(page, '3/5');
    await waitForBadge(page, { panelOpen: true });
    const readers = (await badgeState(page))?.targets.filter((b) => ['Customer', 'Colleague', 'Technical'].includes(b.label));
    assertEqual(readers?.map((b) => b.disabled), [true, true, true], 'reader buttons disabled');
    await clickBadgeButton(page, 'Colleague');
    assertEqual((await badgeState(page))?.audience, 'customer', 'reader after clicking "Colleague"');
    const boxes = await highlightVersusWord(page, 'jargon', 'L2');
    const card = await hoverForCard(page, /** @type {any} */ (boxes).word);
    assert(!card.targets.some((b) => b.label === 'Reader is technical'),
      `card offers "Reader is technical" although the policy decides: ${JSON.stringify(card.targets.map((b) => b.label))}`);
  }],

  ["policy: with the rules locked, the card's \"don't flag on this site\" says so and changes nothing", async (t) => {
    const page = await t.open('policy-ignore', 'editable.html');
    await typeInto(page, '#editor', REPLY);
    await waitForHighlight(page, 'apology', "We're sorry if");
    const boxes = await highlightVersusWord(page, 'apology', "We're sorry if");
    await hoverForCard(page, /** @type {any} */ (boxes).word);
    await clickCardButton(page, "Don't flag on this site");
    await page.waitForFunction(() => /organization/.test(JSON.parse(document.querySelector('tactful-card')
      ?.getAttribute('data-tactful-test') ?? '{}').status ?? ''), { timeout: 5000, polling: 50 })
      .catch(async () => { throw new Error(`card status: ${(await cardState(page))?.status}`); });
    // Ignoring the rule would have closed the card instead, and saved the rule.
    assert((await highlightTexts(page)).apology?.includes("We're sorry if"), 'the apology underline went away');
    const options = await openOptions(t);
    assertEqual(await options.$$eval('#site-rules li', (els) => els.length), 0, 'rules ignored per site');
  }],

  ['policy: a site on the block list gets no underlines', async (t) => {
    const page = await t.open('denied', 'editable.html');
    await typeInto(page, '#editor', REPLY);
    await waitForSiteOff(page);
    assertEqual(await highlightTexts(page), {}, 'underlines on the blocked site');
    assertEqual(await page.evaluate(() => window.tactfulEvents.filter((e) => e.name === 'drawn').length), 0, 'checks drawn');
    // The popup shows the site off, and the user cannot switch it on.
    const popup = await openExtensionPage(t, 'popup/popup.html');
    await popup.waitForSelector('#available:not([hidden]) #managed:not([hidden])', { timeout: 8000 });
    const toggle = await popup.$eval('#enabled', (e) => [/** @type {HTMLInputElement} */ (e).checked, /** @type {HTMLInputElement} */ (e).disabled]);
    assertEqual(toggle, [false, true], 'popup switch [checked, disabled]');
    assertEqual(await popup.$eval('#site', (e) => e.textContent), 'denied.tactful.test', 'popup site');
    // The next site along is not blocked: the block list entry is exact.
    const other = await t.open('not-denied', 'editable.html');
    await typeInto(other, '#editor', REPLY);
    await waitForHighlight(other, 'apology', "We're sorry if");
  }],

  ['policy: checkInternalNotes false leaves internal notes alone (ServiceNow work notes, a Zendesk note, an Intercom composer in Note mode); replies are checked', async (t) => {
    for (const f of SITE_FIXTURES.filter((s) => s.product === 'ServiceNow' || s.product === 'Zendesk')) {
      const page = await t.open(f.host, `sites/${f.page}`);
      const note = await targetOf(page, /** @type {import('./site-cases.mjs').Where} */ (f.note));
      await note.click(/** @type {import('./site-cases.mjs').Where} */ (f.note).editor);
      await waitForSkipped(note, 'note');
      const reply = await targetOf(page, f.reply);
      await reply.click(f.reply.editor);
      await waitForHighlight(reply, 'apology', "We're sorry if");
      await waitForDrawn(/** @type {Page} */ (reply));
      assertEqual((await underlines(note, REPLY_TEXT)).astray, [], `${f.product}: underlines outside the reply`);
    }
    // A composer switched from reply to note stops being checked, and its underlines go.
    const intercom = /** @type {import('./site-cases.mjs').SiteFixture} */ (SITE_FIXTURES.find((s) => s.product === 'Intercom'));
    const page = await t.open(intercom.host, `sites/${intercom.page}`);
    await page.click(intercom.reply.editor);
    await waitForHighlight(page, 'apology', "We're sorry if");
    await page.click(/** @type {string} */ (intercom.note?.switchTo));
    await page.click(intercom.reply.editor);
    await waitForSkipped(page, 'note');
    await waitForNoHighlight(page, 'apology', "We're sorry if");
  }],

  ['policy: a site outside the allow list gets no underlines', async (t) => {
    const page = await t.newPage();
    await page.goto(`http://127.0.0.1:${t.pagePort}/editable.html`);
    await typeInto(page, '#editor', REPLY);
    await waitForSiteOff(page);
    assertEqual(await highlightTexts(page), {}, 'underlines outside the allow list');
  }],

  ['policy: the options page shows the support contact and locked settings as managed, and they cannot be changed', async (t) => {
    const options = await openOptions(t);
    await options.setViewport({ width: 900, height: 1100 });
    // The page is complete once the rule list has loaded (the last thing it
    // does). docs/img/options-managed.png is Chromium's shot, copied by hand:
    // its antialiasing differs by a shade from run to run.
    await options.waitForSelector('#rule-picker option[value="blame.should_have"]', { timeout: 8000 });
    await t.saveScreenshot(options, 'options-managed');
    const contact = await options.$eval('#contact', (e) => ({
      text: e.textContent, links: [...e.querySelectorAll('a')].map((a) => a.getAttribute('href')),
    }));
    assert(contact.text?.includes('IT Service Desk'), `contact: ${contact.text}`);
    assertEqual(contact.links, ['mailto:help@example.com', 'https://intranet.example.com/tactful'], 'contact links');
    const blame = await options.$eval('[data-field="categories.blame"]', (e) => {
      const box = /** @type {HTMLInputElement} */ (e);
      return { disabled: box.disabled, checked: box.checked, label: box.parentElement?.textContent ?? '' };
    });
    assertEqual([blame.disabled, blame.checked], [true, false], 'blame checkbox disabled and off');
    assert(/Set by your organization/.test(blame.label), `blame label: ${blame.label}`);
    // Real clicks on locked controls change nothing, and Save keeps it so.
    await options.click('input[name="audience"][value="internal"]');
    await options.click('[data-field="categories.blame"]');
    assertEqual(await options.$eval('input[name="audience"]:checked', (e) => /** @type {HTMLInputElement} */ (e).value),
      'customer', 'audience after clicking "internal"');
    assertEqual(await options.$eval('#add-term', (e) => /** @type {HTMLButtonElement} */ (e).disabled), true, 'Add term disabled');
    await options.click('#save');
    await options.waitForFunction(() => /^Saved/.test(document.getElementById('status')?.textContent ?? ''), { timeout: 5000 });
    const saved = await options.evaluate(() => (globalThis.browser ?? globalThis.chrome).storage.sync.get(['audience', 'categories']));
    assert(saved.audience !== 'internal', `saved audience: ${JSON.stringify(saved)}`);
    const orgTerms = await options.$$eval('[data-managed-list="glossary"] li', (els) => els.map((e) => e.textContent));
    assertEqual(orgTerms, ['zorblax \u2192 the sync service (Zorblax is our internal code name.)'], 'organization terms shown');
    const orgSites = await options.$$eval('[data-managed-list="disabled-sites"] li', (els) => els.map((e) => e.textContent));
    assert(orgSites.includes('Internal notes (such as ServiceNow work notes) are not checked'), `sites shown: ${orgSites.slice(0, 3)}`);
  }],

  ['policy: invalid items are reported in the options page by policy key, the rest applies', async (t) => {
    const options = await openOptions(t);
    await options.waitForSelector('#policy-problems:not([hidden]) li', { timeout: 8000 });
    const rejected = Object.fromEntries(await options.$$eval('#policy-errors li', (els) =>
      els.map((e) => [e.getAttribute('data-policy-key'), e.textContent])));
    const expected = expectedRejections(t.browserName);
    for (const [key, pattern] of Object.entries(expected)) {
      assert(pattern.test(rejected[key] ?? ''), `${key} not reported as ${pattern}: ${JSON.stringify(rejected)}`);
    }
    assertEqual(Object.keys(rejected).sort(), Object.keys(expected).sort(), 'rejected policy items');
    // The rest of each list applies: on pages (the cases above), and here.
    const rules = await options.$$eval('[data-managed-list="ignored-rules"] li', (els) => els.map((e) => e.textContent));
    assertEqual(rules, t.browserName === 'firefox' ? ['tone.shouting'] : [], 'rules the organization turned off');
  }],

];

/** @type {[string, (t: PolicyCtx) => Promise<void>]} */
const LIVE_CASE =
  ['policy: a changed policy file applies to open tabs without a restart', async (t) => {
    assert(t.updatePolicy, 'this browser cannot change its policy while running');
    const update = /** @type {(policy: object) => void} */ (t.updatePolicy);
    const page = await t.open('policy-live', 'editable.html');
    await typeInto(page, '#editor', REPLY);
    await waitForHighlight(page, 'apology', "We're sorry if");
    assertEqual((await highlightTexts(page)).blame, undefined, 'blame underlines before the change');
    try {
      update({ ...TEST_POLICY, categories: {} });
      await waitForHighlight(page, 'blame', 'You should have', 20000);
      update({ ...TEST_POLICY, categories: {}, blockedSites: ['policy-live.tactful.test'] });
      await waitForSiteOff(page, 20000);
      await page.waitForFunction(() => [...CSS.highlights].every(([n, h]) => !n.startsWith('tactful-') || h.size === 0),
        { timeout: 5000, polling: 50 });
    } finally {
      update(TEST_POLICY);
    }
  }];

/** @type {[string, (t: PolicyCtx) => Promise<void>]} */
const LIVE_NOTES_CASE =
  ['policy: checkInternalNotes changed while a note has focus applies to it at once', async (t) => {
    const update = /** @type {(policy: object) => void} */ (t.updatePolicy);
    const servicenow = /** @type {import('./site-cases.mjs').SiteFixture} */ (SITE_FIXTURES.find((s) => s.product === 'ServiceNow'));
    const where = /** @type {import('./site-cases.mjs').Where} */ (servicenow.note);
    const page = await t.open(servicenow.host, `sites/${servicenow.page}`);
    const note = await targetOf(page, where);
    await note.click(where.editor);
    await waitForSkipped(note, 'note');
    try {
      update({ ...TEST_POLICY, checkInternalNotes: true });
      await waitForHighlight(note, 'apology', "We're sorry if", 20000);
      update(TEST_POLICY);
      await waitForNoHighlight(note, 'apology', "We're sorry if", 20000);
    } finally {
      update(TEST_POLICY);
    }
  }];

/**
 * The cases for a browser: Firefox reads policies.json at start-up only, so
 * only Chromium gets its policy changed while running.
 * @param {'chromium' | 'firefox'} browserName
 */
export const policyCases = (browserName) =>
  (browserName === 'chromium' ? [...CASES, LIVE_CASE, LIVE_NOTES_CASE] : CASES);
