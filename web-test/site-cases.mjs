// The site suite: one fixture page per product in the site table
// (web-test/pages/sites/), each reproducing that app's compose DOM, served
// under a host name that ends in the product's domain plus the test
// suffix ("mail.google.com.tactful.test"), which the table matches like a
// rewriting proxy's suffix. Each fixture's reply holds phrases that must
// be underlined; its quoted message and signature hold the same kinds of
// phrase, which must not be. Internal notes are checked for a colleague
// (or skipped, by policy: policy-cases.mjs), skipped fields get nothing.
// A full run writes docs/sites.md from the table and the outcomes.
import { GENERIC_ADAPTER, SITE_ADAPTERS, siteAdapter } from '../extension/src/content/sites.js';
import { assert, assertEqual } from './lib/harness.mjs';
import { highlightTexts, waitForBadge, waitForDrawn, waitForHighlight } from './lib/page-helpers.mjs';

/** @typedef {import('puppeteer-core').Page} Page */
/** @typedef {import('puppeteer-core').Frame} Frame */
/** @typedef {import('./cases.mjs').Ctx} Ctx */
/**
 * An editor on a fixture: the iframe it is in (if any), and its selector
 * in that document (">>>" enters a shadow root).
 * @typedef {{frame?: string, editor: string}} Where
 */
/**
 * The internal note: its own editor, or (`switchTo`) the reply's editor
 * after a click on the app's control that makes it a note, and `switchBack`
 * the one that makes it a reply again.
 * @typedef {Where & {switchTo?: string, switchBack?: string}} Note
 */
/**
 * @typedef {{
 *   product: string, host: string, page: string,
 *   reply: Where, note?: Note, skip?: Where,
 *   structure: string,   // what the fixture reproduces
 *   modelled?: string,   // what is modelled rather than taken from the app's public HTML
 * }} SiteFixture
 */

// The reply's phrases, in every fixture. The quoted message and the
// signature hold "You should have warned us" and "We're sorry if you
// waited", so a leak shows as a second underline.
const REPLY_UNDERLINES = { apology: ["We're sorry if"], blame: ['You should have'] };
export const REPLY_TEXT = 'restarted it';  // in the reply's own text node
const NOTE_TEXT = 'rollout list';   // in the internal note's

/** @type {SiteFixture[]} */
export const SITE_FIXTURES = [
  {
    product: 'Gmail', host: 'mail.google.com', page: 'gmail.html',
    reply: { editor: '[aria-label="Message Body"]' },
    structure: 'compose body (div[role=textbox]); signature div.gmail_signature; quoted thread div.gmail_quote.gmail_quote_container ' +
      '(div.gmail_attr, blockquote.gmail_quote)',
  },
  {
    product: 'Outlook on the web', host: 'outlook.office.com', page: 'outlook.html',
    reply: { editor: '[aria-label^="Message body"]' },
    structure: 'reply body (div[role=textbox]); signature div#Signature; quoted message in div#mail-editor-reference-message-container ' +
      'with a German header block (Von/Gesendet/An/Betreff, which the engine\'s English header rule does not know) and no ' +
      'div#divRplyFwdMsg',
  },
  {
    product: 'Zendesk', host: 'acme.zendesk.com', page: 'zendesk.html',
    reply: { editor: '[data-test-id="omnicomposer-public-reply"] .ck-editor__editable' },
    note: { editor: '[data-test-id="omnicomposer-internal-note"] .ck-editor__editable' },
    structure: 'CKEditor 5 editable in [data-test-id=omnicomposer-rich-text-ckeditor]; the agent\'s quote (blockquote) and sign-off',
    modelled: 'the internal note\'s [data-test-id=omnicomposer-internal-note]',
  },
  {
    product: 'Freshdesk', host: 'acme.freshdesk.com', page: 'freshdesk.html',
    reply: { editor: '#reply-form .fr-element' },
    note: { editor: '.private-note .fr-element' },
    structure: 'Froala editor (div.fr-element.fr-view); quoted conversation div.freshdesk_quote > blockquote.freshdesk_quote; sign-off',
    modelled: 'the private note form\'s class .private-note',
  },
  {
    product: 'Help Scout', host: 'secure.helpscout.net', page: 'helpscout.html',
    reply: { editor: '.c-reply-editor .redactor_editor' },
    note: { editor: '.c-note-editor .redactor_editor' },
    structure: 'Redactor editor (div.redactor_redactor.redactor_editor); the agent\'s quote (blockquote) and sign-off',
    modelled: 'the note editor\'s wrapper .c-note-editor',
  },
  {
    product: 'Intercom', host: 'app.intercom.com', page: 'intercom.html',
    reply: { editor: '.ProseMirror' },
    note: { editor: '.ProseMirror', switchTo: '[role=tab][data-mode=note]', switchBack: '[role=tab][data-mode=reply]' },
    structure: 'one ProseMirror composer that the Reply and Note tabs switch; the agent\'s quote (blockquote) and sign-off',
    modelled: 'the composer\'s [data-intercom-target] values for the two modes',
  },
  {
    product: 'ServiceNow', host: 'acme.service-now.com', page: 'servicenow.html',
    reply: { frame: 'iframe[id="incident.comments_ifr"]', editor: 'body#tinymce' },
    note: { frame: 'iframe[id="incident.work_notes_ifr"]', editor: 'body#tinymce' },
    structure: 'UI16 journal fields Additional comments and Work notes as TinyMCE editors in about:blank iframes ' +
      '(incident.comments_ifr, incident.work_notes_ifr; body#tinymce); the agent\'s quote (blockquote) and sign-off',
  },
  {
    product: 'Jira Service Management', host: 'acme.atlassian.net', page: 'jira.html',
    reply: { editor: '[data-testid$="reply-to-customer-editor"] .ProseMirror' },
    note: { editor: '[data-testid$="internal-note-editor"] .ProseMirror' },
    skip: { editor: '[data-testid="issue.views.field.rich-text.description"] .ProseMirror' },
    structure: 'Atlassian editor (ProseMirror in div.ak-editor-content-area) for Reply to customer, Add internal note and the ' +
      'issue description; the agent\'s quote (blockquote) and sign-off',
    modelled: 'the comment editors\' data-testid values',
  },
  {
    product: 'Salesforce Service Cloud', host: 'acme.lightning.force.com', page: 'salesforce.html',
    reply: { editor: 'lightning-input-rich-text.email-body >>> .ql-editor' },
    note: { editor: 'lightning-input-rich-text.comment-body >>> .ql-editor' },
    structure: 'email body in lightning-input-rich-text with its editor (div.ql-editor) in an open shadow root; sign-off; the ' +
      'original message after "--------------- Original Message ---------------" and its header block',
    modelled: 'the case comment editor\'s [data-target-selection-name=sfdc:CaseComment]',
  },
];

/** The checks, in the generated table's column order. */
export const SITE_CHECKS_COLUMNS = /** @type {const} */ ({
  reply: 'reply underlined; quote and signature not',
  note: 'internal note checked for a colleague',
  skip: 'skipped field gets nothing',
});

/**
 * The frame an editor is in, once its document has the fixture's content.
 * @param {Page} page
 * @param {Where} where
 * @returns {Promise<Page | Frame>}
 */
export async function targetOf(page, where) {
  if (!where.frame) return page;
  const handle = await page.waitForSelector(where.frame);
  const frame = await /** @type {import('puppeteer-core').ElementHandle<HTMLIFrameElement>} */ (handle).contentFrame();
  assert(frame, `${where.frame} has no frame`);
  await /** @type {Frame} */ (frame).waitForSelector(where.editor);
  return /** @type {Frame} */ (frame);
}

/**
 * Every underline's text by category, and any underline outside the text
 * node that holds `own` (the editor's own words).
 * @param {Page | Frame} target
 * @param {string} own
 */
export async function underlines(target, own) {
  const texts = await highlightTexts(target);
  const astray = await target.evaluate((o) => [...CSS.highlights].flatMap(([name, h]) => [...h]
    .filter((r) => name.startsWith('tactful-') && !(r.startContainer.textContent ?? '').includes(o))
    .map((r) => `${name}: "${r}" in "${r.startContainer.textContent}"`)), own);
  return { texts, astray };
}

/**
 * @param {Page | Frame} target
 * @param {string} role
 */
export const waitForSkipped = (target, role) => target.waitForFunction((r) =>
  (window.tactfulEvents ?? []).some((e) => e.name === 'skipped' && /** @type {any} */ (e).role === r), { timeout: 8000, polling: 50 }, role)
  .catch(() => { throw new Error(`Tactful did not skip the ${role} editor`); });

/**
 * Opens a fixture and focuses its reply editor; the reply is underlined,
 * nothing in its quote or signature is.
 * @param {Ctx} t
 * @param {SiteFixture} f
 */
async function checkReply(t, f) {
  const page = await t.open(f.host, `sites/${f.page}`);
  assertEqual(siteAdapter(new URL(page.url()).hostname).product, f.product, 'the fixture host\'s adapter');
  const reply = await targetOf(page, f.reply);
  await reply.click(f.reply.editor);
  for (const [category, [phrase]] of Object.entries(REPLY_UNDERLINES)) await waitForHighlight(reply, category, phrase);
  await waitForDrawn(/** @type {Page} */ (reply));
  const { texts, astray } = await underlines(reply, REPLY_TEXT);
  assertEqual(astray, [], 'underlines outside the reply\'s own words (quote, signature)');
  for (const [category, expected] of Object.entries(REPLY_UNDERLINES)) assertEqual(texts[category], expected, `${category} underlines`);
  return { page, reply };
}

/**
 * The site suite's cases; each outcome also goes into `outcomes` for docs/sites.md.
 * @param {Record<string, Record<string, Record<string, true | string>>>} outcomes by browser, product, check
 * @returns {import('./cases.mjs').Case[]}
 */
export function siteCases(outcomes) {
  /**
   * @param {string} product @param {keyof typeof SITE_CHECKS_COLUMNS} check
   * @param {(t: Ctx) => Promise<void>} fn
   * @returns {(t: Ctx) => Promise<void>}
   */
  const recorded = (product, check, fn) => async (t) => {
    const record = ((outcomes[t.browserName] ??= {})[product] ??= {});
    try {
      await fn(t);
      record[check] = true;
    } catch (e) {
      record[check] = e instanceof Error ? e.message.split('\n')[0] : String(e);
      throw e;
    }
  };
  /** @type {import('./cases.mjs').Case[]} */
  const cases = [
    ['sites: every selector in the site table parses in this browser', async (t) => {
      const page = await t.open('selectors', 'editable.html');
      const selectors = [GENERIC_ADAPTER, ...SITE_ADAPTERS].flatMap((a) =>
        [...(a.quotes ?? []), ...(a.threadStart ?? []), ...(a.notes ?? []), ...(a.skip ?? [])].map((s) => [a.product, s]));
      const bad = await page.evaluate((list) => list.filter(([, s]) => {
        try {
          document.querySelector(s);
          return false;
        } catch {
          return true;
        }
      }), selectors);
      assertEqual(bad, [], 'selectors that do not parse');
    }],
  ];
  for (const f of SITE_FIXTURES) {
    cases.push([`sites: ${f.product}: the reply is underlined, its quoted message and signature are not`,
      recorded(f.product, 'reply', async (t) => { await checkReply(t, f); })]);
    const { note, skip } = f;
    if (note) {
      cases.push([`sites: ${f.product}: the internal note is checked, for a colleague`, recorded(f.product, 'note', async (t) => {
        const { page, reply } = await checkReply(t, f);
        await waitForBadge(/** @type {Page} */ (reply), { visible: true, audience: siteAdapter(f.host).audience });
        const target = await targetOf(page, note);
        if (note.switchTo) await page.click(note.switchTo);
        await target.click(note.editor);
        await waitForHighlight(target, 'blame', 'You should have');
        await waitForBadge(/** @type {Page} */ (target), { visible: true, audience: 'internal' });
        const { astray } = await underlines(target, NOTE_TEXT);
        const inReply = astray.filter((s) => !s.includes(REPLY_TEXT));
        assertEqual(inReply, [], 'underlines outside the note and the reply');
        if (!note.switchBack) return;
        // Back to a reply: the customer reads it again.
        await page.click(note.switchBack);
        await target.click(note.editor);
        await waitForBadge(/** @type {Page} */ (target), { visible: true, audience: 'customer' });
      })]);
    }
    if (skip) {
      cases.push([`sites: ${f.product}: a field that is not a message gets nothing`, recorded(f.product, 'skip', async (t) => {
        const page = await t.open(f.host, `sites/${f.page}`);
        const target = await targetOf(page, skip);
        await target.click(skip.editor);
        await waitForSkipped(target, 'skip');
        // Tactful is at work on the page: the reply next to it is underlined.
        const reply = await targetOf(page, f.reply);
        await reply.click(f.reply.editor);
        await waitForHighlight(reply, 'blame', 'You should have');
        await waitForDrawn(/** @type {Page} */ (reply));
        const { astray } = await underlines(target, REPLY_TEXT);
        assertEqual(astray, [], 'underlines outside the reply');
      })]);
    }
  }
  return cases;
}

const cell = (/** @type {string[] | undefined} */ list) => (list?.length ? list.map((s) => `\`${s}\``).join(', ') : '');

/**
 * docs/sites.md: the site table as the extension has it, and each
 * fixture's outcomes by browser.
 * @param {Record<string, {version: string, results: Record<string, Record<string, true | string>>}>} byBrowser
 */
export function sitesDoc(byBrowser) {
  const browsers = Object.keys(byBrowser).sort();
  const lines = [
    '# Site adapters',
    '',
    'Generated by `node web-test/run.mjs --suite sites` (ctest `web.sites.chromium`, `web.sites.firefox`) from',
    'extension/src/content/sites.js and web-test/site-cases.mjs; do not edit by hand.',
    '',
    'Tactful finds editors the same way on every site: any focused textarea or contenteditable, in iframes and open',
    'shadow roots. A site adapter adds what the DOM alone does not say: who usually reads the site\'s replies',
    '(audience), which blocks of the editor are the quoted earlier message or the signature (quotes; thread start: that',
    'element and everything after it), which editors are internal notes (checked with a colleague as the reader, or',
    'not at all under the policy `checkInternalNotes: false`), and which editable fields are not messages (skip). A',
    'selector matches the editor or any ancestor, across shadow roots and out of same-origin iframes, each time the',
    'editor gets focus (apps switch one composer between reply and note). A domain matches',
    'as a run of whole host labels, also behind a proxy that appends its own suffix (`acme.zendesk.com.mcas.ms`).',
    'On every site, and on any site not in the table, the generic markers apply as well: `blockquote`, Gmail\'s,',
    'Thunderbird\'s, Yahoo\'s and Outlook\'s quote and signature elements (text-model.js), and the engine\'s own',
    'text rules (an "On ... wrote:" line, an "Original Message" separator, a From:/Sent: header block, a `-- `',
    'line, a closing such as "Kind regards," and the short lines after it).',
    '',
    '| product | domains | audience | quotes | thread start | internal notes | skip |',
    '|---|---|---|---|---|---|---|',
    ...SITE_ADAPTERS.map((a) => `| ${a.product} | ${cell(a.domains)} | ${a.audience ?? ''} | ${cell(a.quotes)} | ` +
      `${cell(a.threadStart)} | ${cell(a.notes)} | ${cell(a.skip)} |`),
    '',
    `Modelled, not yet confirmed in the live app (see the fixtures): ${SITE_FIXTURES.filter((f) => f.modelled)
      .map((f) => `${f.product}, ${f.modelled}`).join('; ')}.`,
    '',
    '## Fixtures',
    '',
    'Each fixture in web-test/pages/sites/ reproduces the app\'s compose DOM as its public HTML shows it, except where',
    '"modelled" says otherwise: those selectors are the fixture\'s and the table\'s guess, not yet confirmed in the live',
    'app. Every reply holds "You should have restarted it. We\'re sorry if the update caused trouble.", which must be',
    'underlined; the quoted message and the signature hold "You should have warned us" and "We\'re sorry if you',
    'waited", which must not be.',
    '',
    `Browsers: ${browsers.map((b) => `${b} ${byBrowser[b].version}`).join(', ')}; each cell gives their outcomes in that order.`,
    'pass: the check passed; FAIL: it failed; not reached: the run stopped before it; a dash: the fixture has no such editor.',
    '',
    `| product | what the fixture reproduces | ${Object.values(SITE_CHECKS_COLUMNS).join(' | ')} |`,
    `|---|---|${Object.keys(SITE_CHECKS_COLUMNS).map(() => '---').join('|')}|`,
  ];
  for (const f of SITE_FIXTURES) {
    const cells = Object.keys(SITE_CHECKS_COLUMNS).map((check) => {
      if (check !== 'reply' && !f[/** @type {'note' | 'skip'} */ (check)]) return '-';
      return browsers.map((b) => {
        const r = byBrowser[b].results[f.product]?.[check];
        return r === true ? 'pass' : r ? 'FAIL' : 'not reached';
      }).join(' / ');
    });
    const what = `${f.structure}${f.modelled ? `; modelled: ${f.modelled}` : ''}`;
    lines.push(`| ${f.product} | ${what} | ${cells.join(' | ')} |`);
  }
  lines.push('');
  return lines.join('\n');
}
