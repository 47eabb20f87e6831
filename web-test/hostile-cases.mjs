// Browser cases for what a web page can try against Tactful
// (docs/security.md, "The extension"): look-alike messages, markup in text that
// becomes a finding, clobbered globals and prototypes, a giant paste, the
// background stopping mid-typing, and a randomized run of edits, fixes and
// undos that must never lose a keystroke.
import { assert, assertEqual } from './lib/harness.mjs';
import {
  COLOURS, cardState, editorText, highlightTexts, highlightVersusWord, hoverForCard, screenshot, sleep, typeInto, waitForBadge,
  waitForCard, waitForDrawnFindings, waitForHighlight,
} from './lib/page-helpers.mjs';
import { MAX_CHECK_TEXT, MAX_EXCLUDED_RANGES } from '../extension/src/shared/messages.js';
import { countColour } from './lib/png.mjs';
import { pageUrl } from './lib/server.mjs';

/** @typedef {import('puppeteer-core').Page} Page */
/** @typedef {import('./cases.mjs').Ctx} Ctx */

const BLAME = 'You should have';
const APOLOGY = "We're sorry if";

/**
 * Polls a page function from Node, for pages whose own builtins are
 * clobbered (the page helpers' waitForFunction runs page-side code).
 * @template T
 * @param {() => Promise<T>} read
 * @param {(value: T) => boolean} done
 * @param {string} what
 */
async function pollUntil(read, done, what, timeout = 10000) {
  const until = Date.now() + timeout;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > until) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await sleep(50);
    value = await read();
  }
  return value;
}

/** @param {Page} page */
const hostileState = (page) => page.evaluate(() => {
  const h = window.hostile;
  return { calls: h.calls, drawn: h.drawn, lastDrawn: h.lastDrawn, synced: h.synced, foreignMessages: h.foreignMessages,
    underlines: h.underlines() };
});

/**
 * Clicks an element's middle with the real mouse, measured with the page's
 * saved originals.
 * @param {Page} page
 * @param {string} id
 */
async function clickHostile(page, id) {
  const box = await page.evaluate((i) => window.hostile.box(i), id);
  await page.mouse.click(box.x + 20, box.y + 12);
  await page.mouse.move(2, 2);  // off the text, so no card opens on hover
  return box;
}

/** @type {import('./cases.mjs').Case[]} */
export const HOSTILE_CASES = [
  ['hostile page: look-alike messages, events and runtime calls reach nothing', async (t) => {
    const page = await t.open('hostile-messages', 'hostile.html');
    await clickHostile(page, 'editor');
    await page.keyboard.type('Thanks for writing. You should have called.', { delay: 5 });
    await pollUntil(() => hostileState(page), (s) => s.underlines.includes(`blame:${BLAME}`), 'underline before the attack');
    await sleep(300);  // let any check still in flight land
    // A card opened and closed, so the page has its host to probe.
    await hoverForCard(page, /** @type {any} */ (await highlightVersusWord(page, 'blame', BLAME)).word);
    await page.mouse.move(2, 2);
    await waitForCard(page, false);
    const before = await hostileState(page);
    const extensionId = new URL(t.extensionUrl('')).host;
    const runtime = await page.evaluate((id) => window.hostile.impersonate(id), extensionId);
    // Chromium gives pages no chrome.runtime without externally_connectable;
    // Firefox gives them no browser.runtime at all.
    assert(runtime === 'unavailable' || runtime.startsWith('refused'), `the page reached the runtime: ${runtime}`);
    await sleep(800);  // a forged check or settings-applied would have drawn again by now
    const after = await hostileState(page);
    assertEqual(after.drawn, before.drawn, 'checks drawn after the look-alikes (a forged settings-applied re-checks)');
    assertEqual(after.foreignMessages, 0, 'messages posted to the page by anyone but itself');
    assertEqual(after.underlines, before.underlines, 'underlines after the look-alikes');
    assertEqual(await cardState(page).then((s) => s?.open ?? false), false, 'a card opened');
    assertEqual(await page.evaluate(() => window.hostile.text('editor')), 'Thanks for writing. You should have called.', 'draft');
    // The page cannot look inside Tactful's own elements (closed shadow roots).
    assertEqual(await page.evaluate(() => ['tactful-card', 'tactful-badge'].map((n) => {
      const hosts = [...document.querySelectorAll(n)];
      return hosts.length > 0 && hosts.every((h) => h.shadowRoot === null);
    })), [true, true], "the card's and the badge's hosts exist and show the page no shadow root");
    // And Tactful still works for the user.
    await page.keyboard.type(" We're sorry if it broke.", { delay: 5 });
    await pollUntil(() => hostileState(page), (s) => s.underlines.includes(`apology:${APOLOGY}`), 'underline after the attack');
  }],

  ['hostile page: markup in the text and in rule messages is shown as text, no script runs', async (t) => {
    const inPage = `<img src=x onerror="window.pwned='page'"><b>bold</b>`;
    const message = `Markup <b>here</b><img src=x onerror="window.pwned='message'">`;
    const suggestion = `<img src=x onerror="window.pwned='suggestion'">`;
    await setSettings(t, { phrases: [{ pattern: '<img[^>]*>', category: 'tone', message, suggestions: ['', suggestion] }] });
    try {
      const page = await t.open('hostile-markup', 'hostile.html');
      // The page runs inline handlers: markup parsed anywhere in it would set the flag.
      await page.evaluate(() => {
        const scratch = /** @type {HTMLElement} */ (document.getElementById('scratch'));
        scratch.innerHTML = '<img src=x onerror="window.canary=1">';
      });
      await page.waitForFunction(() => /** @type {any} */ (window).canary === 1, { timeout: 5000 });
      await page.evaluate(() => document.getElementById('scratch')?.replaceChildren());

      for (const id of ['editor', 'ta']) {
        await page.click(`#${id}`);
        await page.keyboard.type(`Hello ${inPage} there.`, { delay: 2 });
      }
      await waitForHighlight(page, 'tone', '<img src=x onerror="window.pwned=\'page\'">');
      const boxes = await highlightVersusWord(page, 'tone', '<img src=x onerror="window.pwned=\'page\'">');
      await hoverForCard(page, /** @type {any} */ (boxes).word);
      const card = await waitForCard(page);
      assertEqual(card.message, message, "the card's message (set as text)");
      const labels = card.targets.map((b) => b.label);
      assert(labels.includes(`Remove \u201c<img src=x onerror="window.pwned='page'">\u201d`), `card labels: ${JSON.stringify(labels)}`);
      assert(labels.includes(suggestion), `card labels: ${JSON.stringify(labels)}`);
      // The textarea's overlay mirrors its text, markup and all, as text.
      const ta = await page.evaluate(() => window.hostile.box('ta'));
      const png = await screenshot(page);
      assert(countColour(png, ta, COLOURS.tone) >= 6, 'no tone underline in the textarea');
      await waitForBadge(page, { visible: true });
      await sleep(300);  // an <img src=x> would have failed to load by now
      assertEqual(await page.evaluate(() => /** @type {any} */ (window).pwned ?? null), null, 'window.pwned (set by injected markup)');
      assertEqual(await page.evaluate(() => document.images.length), 0, '<img> elements in the page');
      assertEqual(await page.evaluate(() => window.hostile.text('editor')), `Hello ${inPage} there.`, 'the contenteditable draft');
      assertEqual(await page.evaluate(() => window.hostile.text('ta')), `Hello ${inPage} there.`, 'the textarea draft');
    } finally {
      await setSettings(t, { phrases: [] });
    }
  }],

  ['hostile page: prototypes and globals clobbered before and while Tactful runs do not break underlines', async (t) => {
    const page = await t.open('hostile-clobber', 'hostile.html?clobber');
    assertEqual(await page.evaluate(() => window.hostile.clobbered), 'prototypes', 'clobbered at load');
    await clickHostile(page, 'editor');
    await page.keyboard.type('Thanks for writing. You should have called.', { delay: 5 });
    await pollUntil(() => hostileState(page), (s) => s.underlines.includes(`blame:${BLAME}`), 'underline with clobbered prototypes');
    await page.evaluate(() => window.hostile.clobber('globals'));
    await page.keyboard.type(" We're sorry if it broke.", { delay: 5 });
    await pollUntil(() => hostileState(page), (s) => s.underlines.includes(`apology:${APOLOGY}`), 'underline with clobbered globals too');
    const ta = await clickHostile(page, 'ta');
    await page.keyboard.type('You should have called us.', { delay: 5 });
    const until = Date.now() + 10000;
    while (countColour(await screenshot(page), ta, COLOURS.blame) < 6) {
      assert(Date.now() < until, 'no blame underline in the textarea with clobbered globals');
      await sleep(100);
    }
    const state = await hostileState(page);
    assertEqual(state.calls, 0, "calls into the page's clobbered functions (content scripts run in their own world)");
    assertEqual(await page.evaluate(() => window.hostile.text('editor')), "Thanks for writing. You should have called. We're sorry if it broke.", 'draft');
    assertEqual(await page.evaluate(() => window.hostile.text('ta')), 'You should have called us.', 'textarea draft');
  }],

  ['giant paste: 2 MB pasted into a textarea and a contenteditable stays exact, the page stays responsive, later edits are checked', async (t) => {
    for (const file of ['textarea.html', 'editable.html']) {
      const page = await t.open(`giant-${file.split('.')[0]}`, file);
      await page.click('#editor');
      await page.keyboard.type('Hi Sam.', { delay: 5 });
      const length = await page.evaluate(() => {
        const sentence = 'Thanks for your patience while we look into the sync errors on your account. ';
        const paragraph = `${sentence.repeat(25).trimEnd()}\n`;
        const big = ` ${paragraph.repeat(Math.ceil(2_000_000 / paragraph.length))}`.trimEnd();
        /** @type {any} */ (window).pasted = `Hi Sam.${big}`;
        // Like a paste: one edit through the browser's own editing path.
        document.execCommand('insertText', false, big);
        return big.length;
      });
      assert(length >= 2_000_000, `pasted ${length} characters`);
      assertEqual(await page.evaluate(() => new Promise((resolve) => setTimeout(() => resolve('ran'), 0))), 'ran', 'a task on the page after the paste');
      const exact = () => page.evaluate(() => {
        const el = /** @type {HTMLElement} */ (document.getElementById('editor'));
        // A contenteditable makes each pasted line a paragraph; innerText
        // separates paragraphs with a blank line.
        const text = el instanceof HTMLTextAreaElement ? el.value
          : el.innerText.replace(/\u00a0/g, ' ').replace(/\n+/g, '\n').replace(/\n$/, '');
        const pasted = /** @type {any} */ (window).pasted;
        return text === pasted ? 'exact' : `${text.length} characters, expected ${pasted.length}`;
      });
      assertEqual(await exact(), 'exact', `${file}: the draft after the paste`);
      await page.keyboard.down('Control');
      await page.keyboard.press('End');
      await page.keyboard.up('Control');
      await page.keyboard.type(' You should have.', { delay: 5 });
      await waitForDrawnFindings(page, 1, 30000);
      if (file === 'editable.html') await waitForHighlight(page, 'blame', BLAME);
      await page.evaluate(() => { /** @type {any} */ (window).pasted += ' You should have.'; });
      assertEqual(await exact(), 'exact', `${file}: the draft after typing on`);
      await page.close();
    }
  }, { timeoutMs: 120000 }],

  ['a draft with more quotes than the background takes ranges for is still checked; its quotes are not', async (t) => {
    const page = await t.open('many-quotes', 'editable.html');
    await typeInto(page, '#editor', 'You should have called.');
    await waitForHighlight(page, 'blame', 'You should have');
    await page.evaluate((n) => {
      // A long thread pasted in: one edit through the browser's own editing path.
      document.execCommand('insertHTML', false, '<blockquote>You should have told us.</blockquote><p>Noted.</p>'.repeat(n));
    }, MAX_EXCLUDED_RANGES + 50);
    await waitForDrawnFindings(page, 1, 30000);
    assertEqual((await highlightTexts(page)).blame, ['You should have'], 'blame underlines: the typed sentence, none in the quotes');
  }, { timeoutMs: 90000 }],

  ['a draft over the length Tactful checks: the badge says it is too long to check, and checking resumes when it is shorter', async (t) => {
    const page = await t.open('too-long', 'textarea.html');
    await page.click('#editor');
    await page.keyboard.type('You should have called.', { delay: 5 });
    await waitForBadge(page, { visible: true });
    const over = await page.evaluate((limit) => {
      const filler = ' Thanks for your patience.';
      const big = filler.repeat(Math.ceil((limit + 1) / filler.length));
      // Like a paste: one edit through the browser's own editing path.
      document.execCommand('insertText', false, big);
      return /** @type {HTMLTextAreaElement} */ (document.getElementById('editor')).value.length - limit;
    }, MAX_CHECK_TEXT);
    assert(over > 0, `the draft is ${-over} characters under the limit`);
    const badge = await waitForBadge(page, { visible: true, label: 'Too long' }, 30000);
    assert(/too long to check \(over 4,194,304 characters\)/.test(badge.title), `badge title: ${badge.title}`);
    // Back under the limit: the typed sentence is checked again.
    await page.evaluate(() => {
      const ta = /** @type {HTMLTextAreaElement} */ (document.getElementById('editor'));
      ta.setSelectionRange('You should have called.'.length, ta.value.length);
      document.execCommand('delete', false);
    });
    assertEqual(await page.$eval('#editor', (el) => /** @type {HTMLTextAreaElement} */ (el).value), 'You should have called.', 'draft');
    await page.waitForFunction(() => {
      const host = document.querySelector('tactful-badge');
      const state = host instanceof HTMLElement && host.dataset.tactfulTest ? JSON.parse(host.dataset.tactfulTest) : null;
      return /^\d+\/\d+$/.test(state?.label ?? '');
    }, { timeout: 15000, polling: 100 });
    await waitForDrawnFindings(page, 1, 15000);
  }, { timeoutMs: 90000 }],
];

/**
 * Writes user settings from the options page, as the options page would.
 * @param {Ctx} t
 * @param {object} values
 */
async function setSettings(t, values) {
  const options = await t.newPage();
  const url = t.extensionUrl('options/options.html');
  await options.goto(url, { waitUntil: 'domcontentloaded', timeout: 3000 }).catch(() => {});
  await options.waitForFunction((u) => location.href === u && document.readyState !== 'loading', { timeout: 8000 }, url);
  await options.evaluate((v) => (globalThis.browser ?? globalThis.chrome).storage.sync.set(v), values);
  await options.close();
}

/**
 * Chromium: stops the extension's service worker the way Chrome does when it
 * is idle, through the DevTools protocol, and waits until it is gone.
 * @param {Ctx} t
 */
async function stopServiceWorker(t) {
  const base = t.extensionUrl('');
  for (let attempt = 0; attempt < 3; attempt++) {
    const target = await t.browser.waitForTarget((x) => x.type() === 'service_worker' && x.url().startsWith(base), { timeout: 8000 });
    const worker = await target.worker();
    assert(worker, 'no worker for the service worker target');
    await /** @type {import('puppeteer-core').WebWorker} */ (worker).close();
    // It finishes the task it is running first; one that was still starting up may ignore the close.
    const until = Date.now() + 5000;
    while (t.browser.targets().includes(target) && Date.now() < until) await sleep(20);
    if (!t.browser.targets().includes(target)) return;
  }
  throw new Error('the service worker did not stop');
}

/**
 * Warnings and errors Tactful or the page logs, to assert there are none.
 * @param {Page} page
 */
function collectProblems(page) {
  /** @type {string[]} */
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e}`));
  page.on('console', (m) => {
    if (m.location().url?.endsWith('/favicon.ico')) return;  // the test server has none
    if (['warn', 'warning', 'error'].includes(m.type())) problems.push(`console.${m.type()}: ${m.text()}`);
  });
  return problems;
}

/** @type {import('./cases.mjs').Case[]} */
export const WORKER_CASES = [
  ['service worker stopped in the middle of typing: checking resumes, no errors, no lost underlines', async (t) => {
    const page = await t.open('sw-stop', 'editable.html');
    const problems = collectProblems(page);
    await typeInto(page, '#editor', 'Thanks for writing. You should have called.');
    await waitForHighlight(page, 'blame', BLAME);
    // Stopped while keystrokes (and the checks they start) are arriving.
    const typing = page.keyboard.type(" We're sorry if it broke. Thanks again.", { delay: 25 });
    await sleep(150);
    await stopServiceWorker(t);
    await typing;
    await waitForHighlight(page, 'apology', APOLOGY, 15000);
    await waitForHighlight(page, 'blame', BLAME);
    // Stopped while idle: the next keystroke starts it again.
    await stopServiceWorker(t);
    await page.keyboard.type(' You should have said so.', { delay: 5 });
    await page.waitForFunction((p) => [...(CSS.highlights.get('tactful-blame') ?? [])].filter((r) => r.toString() === p).length === 2,
      { timeout: 15000, polling: 50 }, BLAME);
    await waitForHighlight(page, 'apology', APOLOGY);
    assertEqual(await editorText(page),
      "Thanks for writing. You should have called. We're sorry if it broke. Thanks again. You should have said so.", 'draft');
    // Stopped while the last edit's check is in flight (a long text after a
    // restart is checked whole, which takes a while), with no edit after it:
    // the check must be asked again, or its underline never comes.
    await page.keyboard.down('Control');
    await page.keyboard.press('End');
    await page.keyboard.up('Control');
    await page.evaluate(() => document.execCommand('insertText', false,
      `${' Thanks for your patience while we look into it.'.repeat(5000)} We're sorry if it broke again.`));
    const inFlight = await page.evaluate(() => {
      const events = window.tactfulEvents ?? [];
      const newest = Math.max(0, ...events.filter((e) => e.name === 'synced').map((e) => e.version ?? 0));
      return !events.some((e) => e.name === 'drawn' && e.version === newest);
    });
    await stopServiceWorker(t);
    assert(inFlight, 'the check was already drawn before the worker stopped; the case did not test a lost check');
    await page.waitForFunction((p) => [...(CSS.highlights.get('tactful-apology') ?? [])].filter((r) => r.toString() === p).length === 2,
      { timeout: 20000, polling: 100 }, APOLOGY).catch(() => {
      throw new Error(`the underline after the stop never came; the page logged: ${JSON.stringify(problems)}`);
    });
    assertEqual(problems, [], 'errors and warnings on the page');
  }, { browser: 'chromium' }],

  ['event page suspended while idle: the next keystroke checks again, nothing lost', async (t) => {
    // Firefox suspends an idle event page after extensions.background.idle.timeout
    // (30 s); nothing in WebDriver BiDi stops it sooner, so a second Firefox
    // starts with a 1 s timeout. An extension page's getViews() shows
    // whether the background page is alive.
    const other = await t.launchAnother({ firefoxPrefs: { 'extensions.background.idle.timeout': 1000 } });
    try {
      const options = await other.browser.newPage();
      const url = other.extensionUrl('options/options.html');
      await options.goto(url, { waitUntil: 'domcontentloaded', timeout: 3000 }).catch(() => {});
      await options.waitForFunction((u) => location.href === u && document.readyState !== 'loading', { timeout: 8000 }, url);
      const backgroundAlive = () => options.evaluate(() =>
        /** @type {any} */ (globalThis).browser.extension.getViews().some((/** @type {Window} */ w) => w.location.pathname.endsWith('_generated_background_page.html')));
      const waitForBackground = async (/** @type {boolean} */ alive) => {
        const until = Date.now() + 15000;
        while ((await backgroundAlive()) !== alive) {
          assert(Date.now() < until, `the background page never ${alive ? 'started' : 'was suspended'}`);
          await sleep(100);
        }
      };
      const page = await other.browser.newPage();
      await page.goto(pageUrl('event-page', 'editable.html'));
      const problems = collectProblems(page);
      await typeInto(page, '#editor', 'Thanks for writing. You should have called.');
      await waitForHighlight(page, 'blame', BLAME);
      await waitForBackground(false);
      await page.keyboard.type(" We're sorry if it broke.", { delay: 5 });
      await waitForHighlight(page, 'apology', APOLOGY);
      await waitForHighlight(page, 'blame', BLAME);
      await waitForBackground(false);
      await page.keyboard.type(' You should have said so.', { delay: 5 });
      await page.waitForFunction((p) => [...(CSS.highlights.get('tactful-blame') ?? [])].filter((r) => r.toString() === p).length === 2,
        { timeout: 15000, polling: 50 }, BLAME);
      assertEqual(await editorText(page), "Thanks for writing. You should have called. We're sorry if it broke. You should have said so.", 'draft');
      assertEqual(problems, [], 'errors and warnings on the page');
    } finally {
      await other.close();
    }
  }, { browser: 'firefox', timeoutMs: 90000 }],
];
