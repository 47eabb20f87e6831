// Records every DOM mutation under <body>, where the editors are.
window.mutations = [];
new MutationObserver((records) => {
  for (const r of records) window.mutations.push(`${r.type} on ${r.target.nodeName}${r.attributeName ? ` [${r.attributeName}]` : ''}`);
}).observe(document.body ?? document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
