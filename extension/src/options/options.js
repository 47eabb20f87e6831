// The options page: categories, audience, glossary, custom phrases, ignored
// rules and sites, and settings as JSON. Nothing is saved while any field
// is invalid; problems show next to the field they are in, whether they come
// from the settings' shape or from the engine (e.g. a pattern that does not
// compile), which the background reports through a throwaway engine.
// Settings the organization's policy decides are shown as managed and are
// never saved over; the policy's own rejected items are listed at the top.
import { ext } from '../shared/browser-api.js';
import { el } from '../shared/dom.js';
import { applyPolicy, emptyPolicy, loadPolicy, policyEngineConfig, policyKeyForEnginePath } from '../shared/policy.js';
import {
  CATEGORIES, defaultSettings, engineConfig, fieldForEnginePath, loadSettings, parseSettings, saveSettings,
} from '../shared/settings.js';
import { managedFields, markManaged, renderPolicySection } from './managed.js';

/** @typedef {import('../shared/settings.js').FieldError} FieldError */

const CATEGORY_INFO = /** @type {Record<string, string>} */ ({
  apology: 'Apologies that hedge (\u201csorry if\u2026\u201d, \u201csorry, but\u201d)',
  blame: 'Blame (\u201cyou should have\u2026\u201d)',
  jargon: 'Jargon and unexplained terms',
  tone: 'Dismissive tone',
  structure: 'Reply structure (an apology with no next step)',
});

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const form = /** @type {HTMLFormElement} */ ($('form'));

/** Lists edited with buttons rather than inputs. */
const lists = {
  /** @type {string[]} */ ignoredRules: [],
  /** @type {Record<string, string[]>} */ siteIgnoredRules: {},
  /** @type {string[]} */ disabledSites: [],
};
let dirty = false;
/** The user's settings as saved; managed fields keep these values. */
let stored = defaultSettings();
let policy = emptyPolicy();

/** @param {string} field @param {string} label @param {unknown} value */
function textInput(field, label, value, spellcheck = true) {
  return el('input', {
    type: 'text', 'data-field': field, 'aria-label': label, value: value == null ? '' : String(value),
    spellcheck: String(spellcheck),
  });
}

/** @param {HTMLElement} row @param {HTMLTableSectionElement} tbody */
function removeButton(row, tbody) {
  const b = el('button', { type: 'button', 'aria-label': 'Remove' }, 'Remove');
  b.addEventListener('click', () => {
    row.remove();
    renumber(tbody);
    dirty = true;
  });
  return b;
}

/**
 * Keeps data-field indices equal to row positions after a row is removed.
 * @param {HTMLTableSectionElement} tbody
 */
function renumber(tbody) {
  [...tbody.rows].forEach((row, i) => {
    for (const node of [row, ...row.querySelectorAll('[data-field]')]) {
      const field = node.getAttribute('data-field');
      if (field) node.setAttribute('data-field', field.replace(/^(\w+)\.\d+/, `$1.${i}`));
    }
  });
}

/** @param {any} item */
function addGlossaryRow(item = {}) {
  const tbody = /** @type {HTMLTableSectionElement} */ ($('glossary'));
  const i = tbody.rows.length;
  const f = `glossary.${i}`;
  const row = el('tr', { 'data-field': f });
  row.append(
    el('td', {}, textInput(`${f}.term`, 'Term', item?.term, false)),
    el('td', {}, textInput(`${f}.plain`, 'Plain alternative', item?.plain)),
    el('td', {}, textInput(`${f}.why`, 'Why', item?.why)),
    el('td', {}, removeButton(row, tbody)),
  );
  tbody.append(row);
  return row;
}

/** @param {any} item */
function addPhraseRow(item = {}) {
  const tbody = /** @type {HTMLTableSectionElement} */ ($('phrases'));
  const f = `phrases.${tbody.rows.length}`;
  const row = el('tr', { 'data-field': f });
  const category = /** @type {HTMLSelectElement} */ (el('select', { 'data-field': `${f}.category`, 'aria-label': 'Category' },
    ...CATEGORIES.map((c) => el('option', { value: c }, c))));
  category.value = CATEGORIES.includes(item?.category) ? item.category : 'tone';
  const suggestions = Array.isArray(item?.suggestions) ? item.suggestions.join(' | ') : item?.suggestions;
  row.append(
    el('td', {}, textInput(`${f}.pattern`, 'Pattern', item?.pattern, false)),
    el('td', {}, category),
    el('td', {}, textInput(`${f}.message`, 'Message', item?.message)),
    el('td', {}, textInput(`${f}.suggestions`, 'Suggestions', suggestions)),
    el('td', {}, removeButton(row, tbody)),
  );
  tbody.append(row);
  return row;
}

function renderLists() {
  /**
   * @param {string} id
   * @param {Array<[string, () => void]>} items label and how to remove it
   */
  const chips = (id, items) => {
    $(id).replaceChildren(...items.map(([label, remove]) => {
      const b = el('button', { type: 'button', 'aria-label': `Remove ${label}` }, '\u00d7');
      b.addEventListener('click', () => {
        remove();
        dirty = true;
        renderLists();
      });
      return el('li', {}, label, b);
    }));
  };
  chips('ignored-rules', lists.ignoredRules.map((r) => [r, () => {
    lists.ignoredRules = lists.ignoredRules.filter((x) => x !== r);
  }]));
  chips('site-rules', Object.entries(lists.siteIgnoredRules).flatMap(([host, rules]) => rules.map((r) =>
    /** @type {[string, () => void]} */ ([`${host}: ${r}`, () => {
      const rest = lists.siteIgnoredRules[host].filter((x) => x !== r);
      if (rest.length) lists.siteIgnoredRules[host] = rest;
      else delete lists.siteIgnoredRules[host];
    }]))));
  chips('disabled-sites', lists.disabledSites.map((h) => [h, () => {
    lists.disabledSites = lists.disabledSites.filter((x) => x !== h);
  }]));
}

/**
 * Fills the form from settings, or from imported JSON as it is, so that a
 * bad item still shows up in its row next to its error.
 * @param {any} raw
 */
function fillForm(raw) {
  const r = raw && typeof raw === 'object' ? raw : {};
  for (const c of CATEGORIES) {
    /** @type {HTMLInputElement} */ (form.querySelector(`[data-field="categories.${c}"]`)).checked = r.categories?.[c] !== false;
  }
  for (const radio of /** @type {NodeListOf<HTMLInputElement>} */ (form.querySelectorAll('input[name="audience"]'))) {
    radio.checked = radio.value === (r.audience ?? 'customer');
  }
  $('glossary').replaceChildren();
  $('phrases').replaceChildren();
  if (Array.isArray(r.glossary)) r.glossary.forEach((/** @type {any} */ item) => addGlossaryRow(item));
  if (Array.isArray(r.phrases)) r.phrases.forEach((/** @type {any} */ item) => addPhraseRow(item));
  const strings = (/** @type {unknown} */ v) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);
  lists.ignoredRules = strings(r.ignoredRules);
  lists.disabledSites = strings(r.disabledSites);
  lists.siteIgnoredRules = {};
  if (r.siteIgnoredRules && typeof r.siteIgnoredRules === 'object') {
    for (const [host, rules] of Object.entries(r.siteIgnoredRules)) {
      if (strings(rules).length) lists.siteIgnoredRules[host] = strings(rules);
    }
  }
  renderLists();
}

/** The form's contents as (not yet validated) settings. */
function readForm() {
  const value = (/** @type {string} */ field) =>
    /** @type {HTMLInputElement | null} */ (form.querySelector(`[data-field="${field}"]`))?.value.trim() ?? '';
  const rows = (/** @type {string} */ id) => [.../** @type {HTMLTableSectionElement} */ ($(id)).rows].map((_, i) => i);
  const audience = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="audience"]:checked'));
  const locked = managedFields(policy);
  const managed = locked.fields;
  // A list the organization locks keeps what the user had saved.
  const own = (/** @type {'glossary' | 'phrases' | 'ignoredRules' | 'disabledSites'} */ key, /** @type {any} */ edited) =>
    (locked[key] ? structuredClone(stored[key]) : edited);
  return {
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, managed.has(`categories.${c}`)
      ? stored.categories[c]
      : /** @type {HTMLInputElement} */ (form.querySelector(`[data-field="categories.${c}"]`)).checked])),
    audience: managed.has('audience') ? stored.audience : audience?.value ?? 'customer',
    glossary: own('glossary', rows('glossary').map((i) => {
      const why = value(`glossary.${i}.why`);
      return { term: value(`glossary.${i}.term`), plain: value(`glossary.${i}.plain`), ...(why ? { why } : {}) };
    })),
    phrases: own('phrases', rows('phrases').map((i) => {
      const suggestions = value(`phrases.${i}.suggestions`).split('|').map((s) => s.trim()).filter(Boolean);
      return {
        pattern: value(`phrases.${i}.pattern`), category: value(`phrases.${i}.category`),
        message: value(`phrases.${i}.message`), ...(suggestions.length ? { suggestions } : {}),
      };
    })),
    ignoredRules: own('ignoredRules', [...lists.ignoredRules]),
    siteIgnoredRules: locked.ignoredRules ? structuredClone(stored.siteIgnoredRules) : structuredClone(lists.siteIgnoredRules),
    disabledSites: own('disabledSites', [...lists.disabledSites]),
  };
}

function clearErrors() {
  for (const e of form.querySelectorAll('.error')) e.remove();
  for (const e of form.querySelectorAll('[aria-invalid]')) {
    e.removeAttribute('aria-invalid');
    e.removeAttribute('aria-describedby');
  }
}

/** Shows each error next to its field, or the nearest enclosing one. */
/** @param {FieldError[]} errors */
function showErrors(errors) {
  clearErrors();
  errors.forEach(({ field, message }, n) => {
    let f = field;
    let target = null;
    while (!(target = form.querySelector(`[data-field="${CSS.escape(f)}"]`)) && f.includes('.')) f = f.slice(0, f.lastIndexOf('.'));
    target ??= $('json');
    const note = el('p', { class: 'error', id: `error-${n}` }, message);
    if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) {
      target.setAttribute('aria-invalid', 'true');
      target.setAttribute('aria-describedby', note.id);
      target.after(note);
    } else if (target instanceof HTMLTableRowElement) {
      target.setAttribute('aria-invalid', 'true');
      target.cells[0].append(note);
    } else if (target instanceof HTMLFieldSetElement) {
      target.append(note);
    } else {
      target.after(note);
    }
  });
  const first = form.querySelector('[aria-invalid="true"], .error');
  if (first instanceof HTMLElement) first.scrollIntoView({ block: 'center' });
}

/**
 * Everything wrong with these settings: their shape, and what the engine
 * says about the config made from the valid part (e.g. a pattern that does
 * not compile).
 * @param {unknown} raw
 * @returns {Promise<{settings: import('../shared/settings.js').Settings, errors: FieldError[]}>}
 */
async function validate(raw) {
  const { settings, errors, sources } = parseSettings(raw);
  /** @type {import('../shared/messages.js').ValidateResponse} */
  const response = await ext.runtime.sendMessage({ type: 'validate', config: engineConfig(settings) });
  return {
    settings,
    errors: [...errors, ...response.errors.map((e) => ({ field: fieldForEnginePath(e.path, sources), message: e.message }))],
  };
}

/** @param {string} text */
function setStatus(text) {
  $('status').textContent = text;
}

async function save() {
  const { settings, errors } = await validate(readForm());
  showErrors(errors);
  if (errors.length) {
    setStatus(`Not saved: ${errors.length === 1 ? 'one field needs' : `${errors.length} fields need`} fixing.`);
    return;
  }
  try {
    await saveSettings(settings);
    stored = settings;
    dirty = false;
    setStatus('Saved. Open tabs use the new settings right away.');
  } catch (e) {
    setStatus(`Not saved: ${e instanceof Error ? e.message : e}`);
  }
}

/** @param {string} text */
async function importJson(text) {
  /** @type {unknown} */
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    showErrors([{ field: 'settings', message: `Not valid JSON: ${e instanceof Error ? e.message : e}` }]);
    setStatus('Nothing imported.');
    return;
  }
  fillForm(raw);
  markManaged(form, policy, applyPolicy(stored, policy));
  dirty = true;
  const { errors } = await validate(raw);
  showErrors(errors);
  setStatus(errors.length ? 'Imported with problems: fix the marked fields, then Save.' : 'Imported. Review, then Save.');
}

function exportJson() {
  const json = JSON.stringify(parseSettings(readForm()).settings, null, 2);
  /** @type {HTMLTextAreaElement} */ ($('json')).value = json;
  const link = /** @type {HTMLAnchorElement} */ ($('download'));
  if (link.href) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  link.hidden = false;
}

async function loadRules() {
  /** @type {import('../shared/messages.js').RulesResponse} */
  const { rules } = await ext.runtime.sendMessage({ type: 'rules' });
  const picker = $('rule-picker');
  for (const r of rules) picker.append(el('option', { value: r.id }, `${r.id} (${r.category})`));
}

/**
 * The policy's rejected items: its shape, then what the engine says about
 * its glossary, phrases and rules, under the policy's own key names.
 * @param {Awaited<ReturnType<typeof loadPolicy>>} loaded
 */
async function policyErrors({ policy: p, errors, sources }) {
  /** @type {import('../shared/messages.js').ValidateResponse} */
  const response = await ext.runtime.sendMessage({ type: 'validate', config: policyEngineConfig(p) });
  return [...errors, ...response.errors.map((e) => ({ key: policyKeyForEnginePath(e.path, sources), message: e.message }))];
}

/** Fills the page from the saved settings and the current policy. */
async function refresh() {
  const [user, loaded] = await Promise.all([loadSettings(), loadPolicy()]);
  stored = user;
  policy = loaded.policy;
  fillForm(stored);
  markManaged(form, policy, applyPolicy(stored, policy));
  renderPolicySection(policy, await policyErrors(loaded));
}

async function main() {
  $('categories').append(...CATEGORIES.map((c) =>
    el('label', {}, el('input', { type: 'checkbox', 'data-field': `categories.${c}` }), ` ${CATEGORY_INFO[c]}`)));
  await refresh();
  form.addEventListener('input', () => { dirty = true; });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    save();
  });
  $('add-term').addEventListener('click', () => addGlossaryRow().querySelector('input')?.focus());
  $('add-phrase').addEventListener('click', () => addPhraseRow().querySelector('input')?.focus());
  $('add-rule').addEventListener('click', () => {
    const id = /** @type {HTMLSelectElement} */ ($('rule-picker')).value;
    if (id && !lists.ignoredRules.includes(id)) {
      lists.ignoredRules.push(id);
      dirty = true;
      renderLists();
    }
  });
  $('export').addEventListener('click', exportJson);
  $('import').addEventListener('click', () => importJson(/** @type {HTMLTextAreaElement} */ ($('json')).value));
  $('import-file').addEventListener('change', async (e) => {
    const file = /** @type {HTMLInputElement} */ (e.target).files?.[0];
    if (!file) return;
    const text = await file.text();
    /** @type {HTMLTextAreaElement} */ ($('json')).value = text;
    importJson(text);
  });
  // Settings changed elsewhere (the card's "don't flag on this site", the
  // popup): show them, unless that would throw away unsaved edits here.
  // The organization's policy can change at any time too (area "managed").
  ext.storage.onChanged.addListener(async (_changes, area) => {
    if (area !== 'sync' && area !== 'managed') return;
    if (dirty) setStatus('Settings were changed elsewhere; reload this page to see them (unsaved edits here would overwrite them).');
    else await refresh();
  });
  await loadRules();
}

main();
