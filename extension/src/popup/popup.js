// The toolbar popup: switch Tactful on or off for the current site, and see
// what it found in the editor last focused in the current tab.
import { ext } from '../shared/browser-api.js';
import { loadPolicy, siteOffByPolicy } from '../shared/policy.js';
import { checklistRows } from '../shared/checklist.js';
import { CATEGORIES, loadSettings, saveSettings } from '../shared/settings.js';

const LABELS = /** @type {Record<string, string>} */ ({
  apology: 'Apology', blame: 'Blame', jargon: 'Jargon', tone: 'Tone', structure: 'Structure',
});

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * The tab the popup is about: the active tab, or, when this page was opened
 * in a tab of its own, the tab where an editor was last focused.
 * @returns {Promise<number | undefined>}
 */
async function targetTab() {
  if (!(await ext.tabs.getCurrent())) {
    const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  }
  /** @type {import('../shared/messages.js').FocusedFrameResponse} */
  const focus = await ext.runtime.sendMessage({ type: 'focused-frame' });
  return focus?.tabId;
}

/**
 * Asks the frame with the focused editor (or the top frame) for its status.
 * @param {number} tabId
 * @returns {Promise<import('../shared/messages.js').StatusResponse | null>}
 */
async function frameStatus(tabId) {
  /** @type {import('../shared/messages.js').FocusedFrameResponse} */
  const focus = await ext.runtime.sendMessage({ type: 'focused-frame', tabId });
  for (const frameId of new Set([focus?.frameId ?? 0, 0])) {
    try {
      const status = await ext.tabs.sendMessage(tabId, { type: 'status' }, { frameId });
      if (status) return status;
    } catch {
      // No content script in that frame (browser pages, frames since navigated).
    }
  }
  return null;
}

/** @param {import('../shared/messages.js').StatusResponse} status */
function render(status) {
  $('available').hidden = false;
  $('site').textContent = status.hostname || 'this page';
  /** @type {HTMLInputElement} */ ($('enabled')).checked = status.enabled;
  const list = $('counts');
  list.replaceChildren();
  const counts = status.enabled ? status.counts : null;
  $('no-editor').hidden = counts !== null;
  $('counts-title').hidden = counts === null;
  for (const c of counts ? CATEGORIES : []) {
    const item = document.createElement('li');
    const label = document.createElement('span');
    label.textContent = LABELS[c];
    const n = document.createElement('span');
    n.textContent = String(counts?.[c] ?? 0);
    n.dataset.category = c;
    item.append(label, n);
    list.append(item);
  }
  renderChecklist(status.enabled ? status.checklist : null);
  const audience = status.enabled ? status.audience : null;
  $('reader').hidden = !audience;
  $('audience').textContent = audience ? READERS[audience] ?? audience : '';
}

/** The reader as the badge names it. @type {Record<string, string>} */
const READERS = { customer: 'a customer', internal: 'a colleague', technical: 'a technical reader' };

/** @param {import('../shared/messages.js').ChecklistItem[] | null} items */
function renderChecklist(items) {
  const rows = checklistRows(document, items ?? []);
  $('checklist-title').hidden = rows.length === 0;
  $('checklist').replaceChildren(...rows);
}

async function main() {
  $('options').addEventListener('click', (e) => {
    e.preventDefault();
    ext.runtime.openOptionsPage();
  });
  const tabId = await targetTab();
  const status = tabId === undefined ? null : await frameStatus(tabId);
  if (!status || tabId === undefined) {
    $('unavailable').hidden = false;
    return;
  }
  render(status);
  // The organization may keep the site off, or not let users switch sites off.
  const { policy } = await loadPolicy();
  if (siteOffByPolicy(policy, status.hostname) || policy.locked.includes('blockedSites')) {
    /** @type {HTMLInputElement} */ ($('enabled')).disabled = true;
    $('managed').hidden = false;
  }
  $('enabled').addEventListener('change', async () => {
    const on = /** @type {HTMLInputElement} */ ($('enabled')).checked;
    const { disabledSites } = await loadSettings();
    const others = disabledSites.filter((h) => h !== status.hostname);
    await saveSettings({ disabledSites: on ? others : [...others, status.hostname] });
    const updated = await frameStatus(tabId);
    if (updated) render(updated);
  });
}

main();
