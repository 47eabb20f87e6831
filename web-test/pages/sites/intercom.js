// Intercom's composer: one editor, switched between a reply to the
// customer and a note for colleagues by the tabs above it.
const composer = /** @type {HTMLElement} */ (document.querySelector('[data-intercom-target^="composer-"]'));
for (const tab of document.querySelectorAll('[role="tab"][data-mode]')) {
  tab.addEventListener('click', () => {
    composer.dataset.intercomTarget = `composer-${/** @type {HTMLElement} */ (tab).dataset.mode}`;
    for (const t of document.querySelectorAll('[role="tab"]')) t.setAttribute('aria-selected', String(t === tab));
  });
}
