// The browser tests, run the same way in Chromium and in Firefox ESR.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, assertEqual } from './lib/harness.mjs';
import {
  assertHighlightsOnWords, cardState, clickBadgeButton, clickCardButton, drawnCount, editorText, highlightTexts,
  highlightVersusWord, hoverForCard, pressNextFinding,
  screenshot, sleep, textareaPhraseRect, typeInto, underlinePixels, undo, waitForCard, waitForDrawn, waitForHighlight,
  waitForBadge, waitForNoHighlight, waitForUnderlinePixels,
} from './lib/page-helpers.mjs';
import { PAGE_CSP, pageUrl } from './lib/server.mjs';
import { DRAFT_CASES } from './draft-cases.mjs';
import { HOSTILE_CASES, WORKER_CASES } from './hostile-cases.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @typedef {import('puppeteer-core').Page} Page */
/**
 * @typedef {{
 *   browserName: 'chromium' | 'firefox',
 *   browser: import('puppeteer-core').Browser,
 *   launchAnother: (options: {firefoxPrefs?: Record<string, unknown>}) => ReturnType<typeof import('./lib/browsers.mjs').launchBrowser>,
 *   open: (host: string, file: string) => Promise<Page>,
 *   newPage: () => Promise<Page>,
 *   extensionUrl: (path: string) => string,
 *   saveScreenshot: (page: Page, name: string) => Promise<string>,
 * }} Ctx
 */

const BLAME = 'You should have';
const APOLOGY = "We're sorry if";
const REPLY = "Thanks for writing. You should have told us sooner. We're sorry if it was confusing.";

/**
/**
 * Each case: its name, what it does, and optionally the one browser it is for.
 * @typedef {[string, (t: Ctx) => Promise<void>] | [string, (t: Ctx) => Promise<void>, {browser?: 'chromium' | 'firefox', timeoutMs?: number}]} Case
 */

/** @type {Case[]} */
const BASIC_CASES = [
  ['textarea: typing underlines the right words', async (t) => {
    const page = await t.open('textarea', 'textarea.html');
    await typeInto(page, '#editor', REPLY);
    for (const [category, phrase] of [['blame', BLAME], ['apology', APOLOGY]]) {
      await waitForUnderlinePixels(page, await textareaPhraseRect(page, '#editor', phrase), category);
    }
    const png = await screenshot(page);
    const clean = await textareaPhraseRect(page, '#editor', 'Thanks for writing.');
    for (const category of ['blame', 'apology', 'jargon', 'tone']) {
      assert(underlinePixels(png, clean, category) <= 1, `"Thanks for writing." has a ${category} underline`);
    }
    assertEqual(await editorText(page), REPLY, 'textarea value');
    await t.saveScreenshot(page, 'underlines-textarea');
  }],

  ['contenteditable: typing underlines the right words', async (t) => {
    const page = await t.open('editable', 'editable.html');
    await typeInto(page, '#editor', REPLY);
    await assertHighlightsOnWords(page, [['blame', BLAME], ['apology', APOLOGY]]);
    const texts = await highlightTexts(page);
    assert(!Object.values(texts).flat().some((s) => s.includes('Thanks')), `unexpected underline: ${JSON.stringify(texts)}`);
    const boxes = await highlightVersusWord(page, 'blame', BLAME);
    await waitForUnderlinePixels(page, /** @type {any} */ (boxes).word, 'blame');
    await t.saveScreenshot(page, 'underlines-contenteditable');
  }],

  ['typing and deleting faster than checks return: underlines end on the final text, none stale', async (t) => {
    for (const [host, file] of [['editable', 'editable.html'], ['textarea', 'textarea.html']]) {
      const page = await t.open(host, file);
      await page.click('#editor');
      await page.keyboard.type(REPLY, { delay: 0 });
      const apologySentence = " We're sorry if it was confusing.";
      for (let i = 0; i < apologySentence.length; i++) await page.keyboard.press('Backspace');
      // Settled: the newest drawn result is for the newest text.
      const final = await page.waitForFunction(() => {
        const events = window.tactfulEvents ?? [];
        const newest = Math.max(0, ...events.filter((e) => e.name === 'synced').map((e) => e.version ?? 0));
        return events.find((e) => e.name === 'drawn' && e.version === newest);
      }, { timeout: 8000, polling: 50 }).then((h) => h.jsonValue());
      assertEqual(await editorText(page, '#editor'), REPLY.slice(0, -apologySentence.length), `${file}: text`);
      assertEqual(final?.count, 1, `${file}: drawn findings for the final text`);
      if (host === 'editable') {
        const texts = await highlightTexts(page);
        assertEqual(texts.blame ?? [], [BLAME], `${file}: blame underlines`);
        assertEqual(texts.apology ?? [], [], `${file}: apology underlines`);
      }
      await page.close();
    }
  }],

  ['contenteditable in a same-origin iframe', async (t) => {
    const page = await t.open('iframe', 'iframe.html');
    const frame = await waitForFrame(page, (f) => f.url().endsWith('/editable.html'));
    await typeInto(frame, '#editor', REPLY);
    await assertHighlightsOnWords(frame, [['blame', BLAME]]);
  }],

  ['contenteditable in an about:blank iframe written by the parent', async (t) => {
    const page = await t.open('blank-iframe', 'blank-iframe.html');
    const frame = await waitForFrame(page, (f) => f !== page.mainFrame());
    await frame.waitForSelector('#editor');
    await typeInto(frame, '#editor', REPLY);
    await assertHighlightsOnWords(frame, [['blame', BLAME], ['apology', APOLOGY]]);
  }],

  ['contenteditable inside an open shadow root', async (t) => {
    const page = await t.open('shadow', 'shadow.html');
    await typeInto(page, '#host >>> #editor', REPLY);
    await assertHighlightsOnWords(page, [['blame', BLAME]], '#host >>> #editor');
    // Highlight styles must be adopted into the shadow root to paint there.
    const boxes = await highlightVersusWord(page, 'blame', BLAME, '#host >>> #editor');
    await waitForUnderlinePixels(page, /** @type {any} */ (boxes).word, 'blame');
  }],

  ['strict page CSP: the page cannot run WebAssembly, Tactful still works', async (t) => {
    const page = await t.newPage();
    const response = await page.goto(pageUrl('csp', 'csp.html'));
    assertEqual(response?.headers()['content-security-policy'], PAGE_CSP, 'page CSP header');
    await page.waitForFunction(() => document.documentElement.dataset.wasm, { timeout: 5000 });
    assertEqual(await page.evaluate(() => document.documentElement.dataset.wasm), 'blocked', 'WebAssembly in the page');
    await typeInto(page, '#editor', REPLY);
    await assertHighlightsOnWords(page, [['blame', BLAME]]);
  }],

  // The engine itself skips text after an "On ... wrote:" line; the inline
  // quote (no attribution) and the signature are only known from the DOM.
  ['Gmail-like compose: inline quote, quoted thread and signature are not underlined', async (t) => {
    const page = await t.open('gmail', 'gmail.html');
    await typeInto(page, '#reply', 'Thanks Daniel. You should have checked the form first.');
    await assertHighlightsOnWords(page, [['blame', BLAME]], '#reply');
    await waitForDrawn(page);
    const outside = await page.evaluate(() => {
      const skipped = [...document.querySelectorAll('.gmail_quote, .gmail_signature')];
      return [...CSS.highlights].flatMap(([name, h]) => [...h].filter((r) =>
        skipped.some((q) => q.contains(r.startContainer))).map((r) => `${name}: ${r}`));
    });
    assertEqual(outside, [], 'underlines inside the quote or signature');
    assertEqual((await highlightTexts(page)).blame, ['You should have'], 'blame underlines');
  }],

  ['Outlook-like reply: the reply header and thread below it are not underlined', async (t) => {
    const page = await t.open('outlook', 'outlook.html');
    await typeInto(page, '#reply', 'Thanks Daniel. You should have checked the form first.');
    await assertHighlightsOnWords(page, [['blame', BLAME]], '#reply');
    await waitForDrawn(page);
    assertEqual((await highlightTexts(page)).blame, ['You should have'], 'blame underlines');
  }],

  ['card: real mouse hover and click applies a fix in a contenteditable; Ctrl+Z reverts it', async (t) => {
    const page = await t.open('apply-ce', 'editable.html');
    const original = "Thanks for writing. We're sorry if the update caused trouble.";
    await typeInto(page, '#editor', original);
    await waitForHighlight(page, 'apology', APOLOGY);
    const boxes = await highlightVersusWord(page, 'apology', APOLOGY);
    const state = await hoverForCard(page, /** @type {any} */ (boxes).word);
    assert(state.targets.some((b) => b.label === "We're sorry"), `card buttons: ${JSON.stringify(state.targets)}`);
    const shot = await t.saveScreenshot(page, 'card');
    if (t.browserName === 'chromium') {
      mkdirSync(join(ROOT, 'docs', 'img'), { recursive: true });
      copyFileSync(shot, join(ROOT, 'docs', 'img', 'extension-card.png'));
    }
    await clickCardButton(page, "We're sorry");
    const fixed = "Thanks for writing. We're sorry the update caused trouble.";
    await page.waitForFunction((s) => document.getElementById('editor')?.innerText.replace(/\u00a0/g, ' ').trim() === s,
      { timeout: 5000 }, fixed).catch(async () => { throw new Error(`after the fix: "${await editorText(page)}"`); });
    await waitForCard(page, false);
    await undo(page);
    await page.waitForFunction((s) => document.getElementById('editor')?.innerText.replace(/\u00a0/g, ' ').trim() === s,
      { timeout: 5000 }, original).catch(async () => { throw new Error(`after Ctrl+Z: "${await editorText(page)}"`); });
  }],

  ['card: real mouse hover and click applies a fix in a textarea; Ctrl+Z reverts it', async (t) => {
    const page = await t.open('apply-ta', 'textarea.html');
    const original = "Thanks for writing. We're sorry if the update caused trouble.";
    await typeInto(page, '#editor', original);
    const box = await textareaPhraseRect(page, '#editor', APOLOGY);
    await waitForUnderlinePixels(page, box, 'apology');
    await hoverForCard(page, box);
    await clickCardButton(page, "We're sorry");
    const fixed = "Thanks for writing. We're sorry the update caused trouble.";
    await page.waitForFunction((s) => /** @type {HTMLTextAreaElement} */ (document.getElementById('editor')).value === s,
      { timeout: 5000 }, fixed).catch(async () => { throw new Error(`after the fix: "${await editorText(page)}"`); });
    await undo(page);
    await page.waitForFunction((s) => /** @type {HTMLTextAreaElement} */ (document.getElementById('editor')).value === s,
      { timeout: 5000 }, original).catch(async () => { throw new Error(`after Ctrl+Z: "${await editorText(page)}"`); });
  }],

  ['card: keyboard shortcut moves into the card, Enter applies, Esc closes', async (t) => {
    const page = await t.open('keyboard', 'editable.html');
    const original = "Thanks. We're sorry if the update caused trouble.";
    await typeInto(page, '#editor', original);
    await waitForHighlight(page, 'apology', APOLOGY);
    // Caret at the start of the draft: the shortcut goes to the next finding.
    await page.evaluate(() => {
      const editor = /** @type {HTMLElement} */ (document.getElementById('editor'));
      getSelection()?.collapse(editor, 0);
    });
    await pressNextFinding(page);
    await waitForCard(page);
    assertEqual(await page.evaluate(() => document.activeElement?.tagName), 'TACTFUL-CARD', 'focus after the shortcut');
    await page.keyboard.press('Enter');
    const fixed = "Thanks. We're sorry the update caused trouble.";
    await page.waitForFunction((s) => document.getElementById('editor')?.innerText.replace(/\u00a0/g, ' ').trim() === s,
      { timeout: 5000 }, fixed).catch(async () => { throw new Error(`after Enter: "${await editorText(page)}"`); });
    assertEqual(await page.evaluate(() => document.activeElement?.id), 'editor', 'focus after applying');
    await typeInto(page, '#editor', ' You should have called.');
    await waitForHighlight(page, 'blame', BLAME);
    await pressNextFinding(page);
    await waitForCard(page);
    await page.keyboard.press('Escape');
    await waitForCard(page, false);
    assertEqual(await page.evaluate(() => document.activeElement?.id), 'editor', 'focus after Esc');
  }],

  ['an editor that owns its model (beforeinput) gets the fix through its own model', async (t) => {
    const page = await t.open('rich', 'rich.html');
    await waitForHighlightAfterFocus(page, 'apology', APOLOGY);
    const boxes = await highlightVersusWord(page, 'apology', APOLOGY);
    await hoverForCard(page, /** @type {any} */ (boxes).word);
    await clickCardButton(page, "We're sorry");
    const fixed = "Thanks for writing. We're sorry the update caused trouble.";
    await page.waitForFunction((s) => window.editorModel === s, { timeout: 5000 }, fixed)
      .catch(async () => { throw new Error(`editor model after the fix: "${await page.evaluate(() => window.editorModel)}"`); });
    assertEqual(await editorText(page), fixed, 'editor DOM after the fix');
  }],

  ['an editor that refuses the change: draft untouched and the card says so', async (t) => {
    const page = await t.open('refuse', 'refuse.html');
    const original = await editorText(page);
    await waitForHighlightAfterFocus(page, 'apology', APOLOGY);
    const boxes = await highlightVersusWord(page, 'apology', APOLOGY);
    await hoverForCard(page, /** @type {any} */ (boxes).word);
    await clickCardButton(page, "We're sorry");
    await page.waitForFunction(() => {
      const host = document.querySelector('tactful-card');
      return host instanceof HTMLElement && JSON.parse(host.dataset.tactfulTest ?? '{}').status;
    }, { timeout: 5000 });
    const state = await cardState(page);
    assert(/didn't accept/.test(state?.status ?? ''), `card status: ${state?.status}`);
    assertEqual(await editorText(page), original, 'draft after a refused fix');
  }],

  ['dismiss: the finding stays dismissed after edits elsewhere', async (t) => {
    const page = await t.open('dismiss', 'editable.html');
    await typeInto(page, '#editor', REPLY);
    await waitForHighlight(page, 'apology', APOLOGY);
    const boxes = await highlightVersusWord(page, 'blame', BLAME);
    await waitForHighlight(page, 'blame', BLAME);
    await hoverForCard(page, /** @type {any} */ (boxes).word);
    await clickCardButton(page, 'Dismiss');
    await waitForNoHighlight(page, 'blame', BLAME);
    const before = await drawnCount(page);
    await page.evaluate(() => {
      const editor = /** @type {HTMLElement} */ (document.getElementById('editor'));
      editor.focus();
      getSelection()?.selectAllChildren(editor);
      getSelection()?.collapseToEnd();
    });
    await page.keyboard.type(' Kind regards, Sam.', { delay: 5 });
    await waitForDrawn(page, before + 1);
    await sleep(300);
    const texts = await highlightTexts(page);
    assert(texts.apology?.includes(APOLOGY), `apology underline missing after the edit: ${JSON.stringify(texts)}`);
    assert(!texts.blame, `dismissed blame underline came back: ${JSON.stringify(texts)}`);
  }],

  ['card: in an iframe shorter than the card, the card fits the frame and scrolls to its last button', async (t) => {
    const page = await t.open('short-iframe', 'short-iframe.html');
    const frame = await waitForFrame(page, (f) => f.url().endsWith('/editable.html'));
    await typeInto(frame, '#editor', REPLY);
    await waitForHighlight(frame, 'blame', BLAME);
    const { word } = /** @type {any} */ (await highlightVersusWord(frame, 'blame', BLAME));
    const at = await page.$eval('#frame', (f) => ({ x: f.getBoundingClientRect().left + f.clientLeft, y: f.getBoundingClientRect().top + f.clientTop }));
    const height = await frame.evaluate(() => document.documentElement.clientHeight);
    await page.mouse.move(at.x + word.x + word.width / 2, at.y + word.y + word.height / 2, { steps: 3 });
    let card = await waitForCard(frame);
    const box = /** @type {NonNullable<typeof card.box>} */ (card.box);
    assert(box.top >= 0 && box.bottom <= height, `card ${JSON.stringify(box)} is cut off by the ${height} px frame`);
    // The last button is below the card's visible part until the wheel scrolls the card.
    const label = "Don't flag on this site";
    const shown = () => card?.targets.some((b) => b.label === label && b.y > box.top + 4 && b.y < box.bottom - 4);
    await page.mouse.move(at.x + (box.left + box.right) / 2, at.y + (box.top + box.bottom) / 2, { steps: 3 });
    for (let i = 0; i < 20 && !shown(); i++) {
      await page.mouse.wheel({ deltaY: 40 });
      await sleep(50);
      card = /** @type {typeof card} */ (await cardState(frame));
    }
    assert(shown(), `"${label}" never scrolled into the card: ${JSON.stringify(card)}`);
    const button = /** @type {{x: number, y: number}} */ (card.targets.find((b) => b.label === label));
    await page.mouse.click(at.x + button.x, at.y + button.y);
    await waitForNoHighlight(frame, 'blame', BLAME);
  }],

  ["card: \"don't flag on this site\" ignores the rule on that site only", async (t) => {
    const page = await t.open('ignore-rule', 'editable.html');
    await typeInto(page, '#editor', REPLY);
    await waitForHighlight(page, 'blame', BLAME);
    const boxes = await highlightVersusWord(page, 'blame', BLAME);
    await hoverForCard(page, /** @type {any} */ (boxes).word);
    await clickCardButton(page, "Don't flag on this site");
    await waitForNoHighlight(page, 'blame', BLAME);
    await page.reload();
    await typeInto(page, '#editor', REPLY);
    await waitForHighlight(page, 'apology', APOLOGY);
    assert(!(await highlightTexts(page)).blame, 'the ignored rule still underlines on this site');
    const other = await t.open('ignore-rule-elsewhere', 'editable.html');
    await typeInto(other, '#editor', REPLY);
    await waitForHighlight(other, 'blame', BLAME);
  }],

  ['popup: counts for the focused editor and the per-site on/off toggle', async (t) => {
    const page = await t.open('toggle', 'editable.html');
    await typeInto(page, '#editor', REPLY);
    await waitForHighlight(page, 'blame', BLAME);
    await waitForHighlight(page, 'apology', APOLOGY);
    const popup = await t.newPage();
    await openExtensionPage(popup, t.extensionUrl('popup/popup.html'));
    await popup.waitForSelector('#available:not([hidden]) [data-category="blame"]', { timeout: 8000 });
    const counts = await popup.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-category]')]
      .map((n) => [/** @type {HTMLElement} */ (n).dataset.category, n.textContent])));
    assertEqual([counts.blame, counts.apology], ['1', '1'], 'popup counts for blame and apology');
    // The reply-level checklist: an apology with an "if" is there but weak;
    // nobody says what they will do; no follow-up is promised.
    const checklist = await popup.evaluate(() => Object.fromEntries([...document.querySelectorAll('#checklist li')]
      .map((n) => [/** @type {HTMLElement} */ (n).dataset.item, /** @type {HTMLElement} */ (n).dataset.state])));
    assertEqual(checklist['checklist.apology'], 'weak', 'checklist: conditional apology');
    assertEqual(checklist['checklist.ownership'], 'missing', 'checklist: ownership');
    assertEqual(checklist['checklist.timeline'], undefined, 'checklist: timeline does not apply');
    assertEqual(await popup.$eval('#audience', (n) => n.textContent), 'a customer', 'popup: who the reply is for');
    const popupShot = await t.saveScreenshot(popup, 'popup-checklist');
    if (t.browserName === 'chromium') copyFileSync(popupShot, join(ROOT, 'docs', 'img', 'popup-checklist.png'));
    assertEqual(await popup.$eval('#site', (n) => n.textContent), 'toggle.tactful.test', 'popup site');
    await popup.click('#enabled');
    await page.bringToFront();
    await page.waitForFunction(() => [...CSS.highlights].every(([n, h]) => !n.startsWith('tactful-') || h.size === 0),
      { timeout: 8000, polling: 50 });
    await page.keyboard.type(' You should have called.', { delay: 5 });
    await sleep(600);
    assertEqual(await highlightTexts(page), {}, 'underlines while Tactful is off for the site');
    await popup.bringToFront();
    await popup.click('#enabled');
    await page.bringToFront();
    await waitForHighlight(page, 'blame', BLAME);
  }],

  ['badge: on an editor one line tall it sits outside the editor, not over the text', async (t) => {
    const page = await t.open('short-editor', 'short-editor.html');
    await typeInto(page, '#editor', "I've escalated your ticket to L2 and will update you by Friday, thanks");
    await waitForHighlight(page, 'jargon', 'L2');
    const badge = await waitForBadge(page, { visible: true });
    const box = await page.$eval('#editor', (e) => e.getBoundingClientRect().toJSON());
    const [{ x, y }] = badge.targets;
    assert(x > box.right || y > box.bottom, `badge at ${x},${y} covers the one-line editor ${JSON.stringify(box)}`);
    assert(x < box.right + 80 && y > box.top && y < box.bottom + 40, `badge at ${x},${y} is not beside the editor ${JSON.stringify(box)}`);
  }],

  ['badge: checklist score on the focused editor opens the checklist, without touching the editor', async (t) => {
    const page = await t.open('badge', 'editable.html');
    const text = "I've escalated your ticket to L2 and will update you by Friday.";
    await typeInto(page, '#editor', text);
    await waitForHighlight(page, 'jargon', 'L2');
    const markup = await page.$eval('#editor', (e) => e.innerHTML);
    const badge = await waitForBadge(page, { visible: true, label: '3/5', audience: 'customer' });
    // It sits on the editor's bottom-right corner, inside the editor's box.
    const box = await page.$eval('#editor', (e) => e.getBoundingClientRect().toJSON());
    const [{ x, y }] = badge.targets;
    assert(x > box.left + box.width / 2 && x < box.right && y > box.top + box.height / 2 && y < box.bottom,
      `badge at ${x},${y} is not at the bottom-right of the editor ${JSON.stringify(box)}`);
    await clickBadgeButton(page, '3/5');
    const open = await waitForBadge(page, { panelOpen: true });
    assertEqual(Object.fromEntries(open.items.map((i) => [i.id, i.state])), {
      'checklist.empathy': 'missing', 'checklist.apology': 'missing', 'checklist.ownership': 'met',
      'checklist.next_step': 'met', 'checklist.timeline': 'met',
    }, 'checklist in the badge');
    const shot = await t.saveScreenshot(page, 'badge-checklist');
    if (t.browserName === 'chromium') copyFileSync(shot, join(ROOT, 'docs', 'img', 'badge-checklist.png'));
    await page.keyboard.press('Escape');
    await waitForBadge(page, { panelOpen: false, visible: true });
    assertEqual(await page.evaluate(() => document.activeElement?.id), 'editor', 'Escape gives focus back to the editor');
    // Typing on updates the score; none of it ever went into the editor's markup.
    await page.keyboard.type(' I understand how annoying this is.', { delay: 5 });
    await waitForBadge(page, { label: '4/5' });
    assertEqual(await page.$eval('#editor', (e) => e.innerHTML.replace(' I understand how annoying this is.', '')), markup,
      "the editor's markup besides the typed words");
    await page.mouse.click(800, 600);  // the page, outside the editor
    await waitForBadge(page, { visible: false });
  }],

  ['audience: the site table makes ServiceNow internal; the badge and card switch it per editor, remembered per site', async (t) => {
    // Colleagues share office shorthand ("by EOD") but not IT's ("L2").
    const text = "I've escalated your ticket to L2 and will update you by EOD.";
    const page = await t.open('acme.service-now.com', 'editable.html');
    await typeInto(page, '#editor', text);
    await waitForHighlight(page, 'jargon', 'L2');
    await waitForBadge(page, { visible: true, audience: 'internal', label: '3/5' });  // the last check is in
    assertEqual((await highlightTexts(page)).jargon, ['L2'], 'jargon for a colleague');
    await clickBadgeButton(page, '3/5');
    await waitForBadge(page, { panelOpen: true });
    await clickBadgeButton(page, 'Technical');
    await waitForNoHighlight(page, 'jargon', 'L2');
    await waitForBadge(page, { audience: 'technical' });
    await page.reload();
    await typeInto(page, '#editor', text);
    await waitForBadge(page, { visible: true, audience: 'technical' });
    await waitForDrawn(page);
    assert(!(await highlightTexts(page)).jargon, 'jargon underlined after choosing a technical reader for the site');
    // The table matches whole labels: a look-alike domain is not a service desk.
    const lookalike = await t.open('acme.notservice-now.com', 'editable.html');
    await typeInto(lookalike, '#editor', text);
    await waitForBadge(lookalike, { visible: true, audience: 'customer' });
    // Elsewhere the reader is a customer; the card's "Reader is technical" switches that editor.
    const other = await t.open('acme.zendesk.com', 'textarea.html');
    await typeInto(other, '#editor', text);
    await waitForBadge(other, { visible: true, audience: 'customer' });
    const box = await textareaPhraseRect(other, '#editor', 'L2');
    await waitForUnderlinePixels(other, box, 'jargon');
    await waitForUnderlinePixels(other, await textareaPhraseRect(other, '#editor', 'EOD'), 'jargon');
    await hoverForCard(other, box);
    await clickCardButton(other, 'Reader is technical');
    await waitForBadge(other, { audience: 'technical' });
    await other.waitForFunction(() => (window.tactfulEvents ?? []).filter((e) => e.name === 'drawn').at(-1)?.count === 0,
      { timeout: 8000, polling: 50 });
  }],

  ['card: a finding with no fix offers a starter; it goes before the sentence, its first gap is selected, Ctrl+Z undoes it', async (t) => {
    for (const file of ['textarea.html', 'editable.html']) {
      const page = await t.open(`starter-${file.split('.')[0]}`, file);
      const original = "Thanks for the details. That's our policy for all annual plans.";
      await typeInto(page, '#editor', original);
      const wall = "That's our policy";
      let box;
      if (file === 'textarea.html') {
        box = await textareaPhraseRect(page, '#editor', wall);
        await waitForUnderlinePixels(page, box, 'blame');
      } else {
        await waitForHighlight(page, 'blame', wall);
        box = /** @type {any} */ (await highlightVersusWord(page, 'blame', wall)).word;
      }
      const starter = 'This rule is there to [what it protects]; what I can do is [option].';
      await hoverForCard(page, box);
      if (t.browserName === 'chromium' && file === 'editable.html') {
        copyFileSync(await t.saveScreenshot(page, 'card-starter'), join(ROOT, 'docs', 'img', 'card-starter.png'));
      }
      await clickCardButton(page, starter);
      const expected = `Thanks for the details. ${starter} That's our policy for all annual plans.`;
      await page.waitForFunction((s) => {
        const el = /** @type {HTMLElement} */ (document.getElementById('editor'));
        return (el instanceof HTMLTextAreaElement ? el.value : el.innerText.replace(/\u00a0/g, ' ').trim()) === s;
      }, { timeout: 5000 }, expected).catch(async () => { throw new Error(`${file} after the starter: "${await editorText(page)}"`); });
      const selected = await page.evaluate(() => {
        const el = document.getElementById('editor');
        return el instanceof HTMLTextAreaElement ? el.value.slice(el.selectionStart, el.selectionEnd) : String(getSelection());
      });
      assertEqual(selected, '[what it protects]', `${file}: the first gap is selected to type over`);
      await undo(page);
      await page.waitForFunction((s) => {
        const el = /** @type {HTMLElement} */ (document.getElementById('editor'));
        return (el instanceof HTMLTextAreaElement ? el.value : el.innerText.replace(/\u00a0/g, ' ').trim()) === s;
      }, { timeout: 5000 }, original).catch(async () => { throw new Error(`${file} after Ctrl+Z: "${await editorText(page)}"`); });
    }
  }],

  ['options: import shows errors next to the fields; saving applies live to open tabs', async (t) => {
    const page = await t.open('options-live', 'editable.html');
    const text = 'The zorblax is back up. Thanks for waiting.';
    await typeInto(page, '#editor', text);
    await waitForDrawn(page);
    assert(!Object.values(await highlightTexts(page)).flat().includes('zorblax'), 'zorblax underlined before the setting');

    const options = await t.newPage();
    await openExtensionPage(options, t.extensionUrl('options/options.html'));
    await options.waitForSelector('#rule-picker option[value="blame.should_have"]', { timeout: 8000 });
    const imported = {
      phrases: [{ pattern: '(zorblax', category: 'jargon', message: 'Internal code name', suggestions: ['the sync service'] }],
      ignoredRules: ['no.such.rule'],
      colour: 'teal',
    };
    await options.$eval('#json', (el, json) => { /** @type {HTMLTextAreaElement} */ (el).value = json; }, JSON.stringify(imported));
    await options.click('#import');
    await options.waitForSelector('.error', { timeout: 8000 });
    // Each error is placed right after the field it is about.
    const errors = await options.$$eval('.error', (els) => els.map((e) => ({
      field: e.previousElementSibling?.getAttribute('data-field') ?? '', message: e.textContent ?? '',
    })));
    const errorFor = (/** @type {string} */ field) => errors.find((e) => e.field === field)?.message ?? '';
    assert(/missing \)/.test(errorFor('phrases.0.pattern')), `pattern error: ${JSON.stringify(errors)}`);
    assert(/no rule "no\.such\.rule"/.test(errorFor('ignoredRules')), `ignored rule error: ${JSON.stringify(errors)}`);
    assert(/unknown setting "colour"/.test(errorFor('settings')), `unknown key error: ${JSON.stringify(errors)}`);
    assertEqual(await options.$eval('[data-field="phrases.0.pattern"]', (e) => e.getAttribute('aria-invalid')), 'true', 'aria-invalid');
    await options.click('#save');
    await options.waitForFunction(() => /^Not saved/.test(document.getElementById('status')?.textContent ?? ''), { timeout: 5000 });

    await options.click('[data-field="phrases.0.pattern"]');
    await options.keyboard.down('Control');
    await options.keyboard.press('a');
    await options.keyboard.up('Control');
    await options.keyboard.type('\\bzorblax\\b');
    await options.click('#ignored-rules button');
    await options.click('#save');
    await options.waitForFunction(() => /^Saved/.test(document.getElementById('status')?.textContent ?? ''), { timeout: 5000 })
      .catch(async () => { throw new Error(`save status: ${await options.$eval('#status', (e) => e.textContent)}`); });
    assertEqual(await options.$$eval('.error', (els) => els.length), 0, 'errors left after fixing');

    await page.bringToFront();
    await waitForHighlight(page, 'jargon', 'zorblax');
  }],

  ["highlights, overlay and card never change the page's DOM under <body>", async (t) => {
    const page = await t.open('mutation', 'mutation.html');
    await page.click('#editor p:last-child');
    await waitForHighlight(page, 'blame', BLAME);
    const boxes = await highlightVersusWord(page, 'apology', APOLOGY);
    await hoverForCard(page, /** @type {any} */ (boxes).word);
    await page.mouse.move(5, 5);
    await waitForCard(page, false);
    await waitForBadge(page, { visible: true });
    const before = await drawnCount(page);
    await page.click('#ta');
    await waitForDrawn(page, before + 1);
    await waitForUnderlinePixels(page, await textareaPhraseRect(page, '#ta', BLAME), 'blame');
    assertEqual(await page.evaluate(() => window.mutations), [], 'DOM mutations under <body>');
  }],

  ['opt-out attributes and single-line, search and password fields are left alone', async (t) => {
    const page = await t.open('optout', 'optout.html');
    await typeInto(page, '#control', REPLY);
    await waitForHighlight(page, 'blame', BLAME);
    for (const sel of ['#off-ce', '#off-ta', '#single', '#search', '#password']) await typeInto(page, sel, REPLY);
    await sleep(800);
    const stray = await page.evaluate(() => {
      const control = document.getElementById('control');
      return [...CSS.highlights].flatMap(([name, h]) =>
        [...h].filter((r) => !control?.contains(r.startContainer)).map((r) => `${name}: ${r}`));
    });
    assertEqual(stray, [], 'underlines outside the control editor');
    assertEqual(await page.evaluate(() => document.querySelectorAll('tactful-overlay').length), 0, 'textarea overlays');
  }],
];

/** @type {Case[]} */
export const CASES = [...BASIC_CASES, ...HOSTILE_CASES, ...WORKER_CASES, ...DRAFT_CASES];

/**
 * @param {Page} page
 * @param {(f: import('puppeteer-core').Frame) => boolean} match
 */
async function waitForFrame(page, match, timeout = 8000) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const frame = page.frames().find(match);
    if (frame) return frame;
    await sleep(50);
  }
  throw new Error('frame not found');
}

/**
 * Prefilled editors: focus puts Tactful to work without typing.
 * @param {Page} page
 * @param {string} category
 * @param {string} phrase
 */
async function waitForHighlightAfterFocus(page, category, phrase) {
  await page.focus('#editor');
  await waitForHighlight(page, category, phrase);
}

/**
 * Opens an extension page in a tab. Firefox's WebDriver BiDi does not report
 * load events for moz-extension:// documents, so readiness is awaited on the
 * page's own content instead.
 * @param {Page} page
 * @param {string} url
 */
async function openExtensionPage(page, url) {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 3000 }).catch(() => {});
  await page.waitForFunction((u) => location.href === u && document.readyState !== 'loading', { timeout: 8000 }, url);
}
