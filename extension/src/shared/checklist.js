// The reply checklist as the popup and the badge show it: only the items
// that apply, each with a symbol and words as well as a colour.

/** @typedef {import('./messages.js').ChecklistItem} ChecklistItem */

/** Symbol and words for each shown state. @type {Record<string, [string, string]>} */
const STATES = {
  met: ['\u2713', 'done'],
  weak: ['!', 'needs work'],
  missing: ['\u2717', 'missing'],
};

/**
 * Met items over applicable ones ("3/5"); a weak item is not met.
 * @param {ChecklistItem[]} items
 */
export function checklistScore(items) {
  const shown = items.filter((item) => item.state !== 'n/a');
  return { met: shown.filter((item) => item.state === 'met').length, total: shown.length };
}

/**
 * One <li> per applicable item, with data-item and data-state for styling.
 * @param {Document} doc
 * @param {ChecklistItem[]} items
 */
export function checklistRows(doc, items) {
  return items.filter((item) => item.state !== 'n/a').map((item) => {
    const [symbol, words] = STATES[item.state];
    const li = doc.createElement('li');
    li.dataset.item = item.id;
    li.dataset.state = item.state;
    const label = doc.createElement('span');
    label.textContent = item.label;
    const state = doc.createElement('span');
    state.className = 'state';
    state.textContent = symbol;
    state.title = words;
    state.setAttribute('aria-label', words);
    li.append(label, state);
    return li;
  });
}
