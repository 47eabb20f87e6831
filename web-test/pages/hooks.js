// Test-page side of Tactful's debug signals (<html data-tactful-test>):
// records when the content script synced or drew, for tests to wait on.
// Pages that hold an editor in an iframe of their own making (TinyMCE)
// call recordTactfulEvents for that frame too.
window.recordTactfulEvents = (doc, win) => {
  doc.documentElement.setAttribute('data-tactful-test', '');
  win.tactfulEvents = [];
  for (const name of ['drawn', 'synced', 'applied', 'site-off', 'skipped']) {
    doc.addEventListener(`tactful:${name}`, (e) => {
      win.tactfulEvents.push({ name, ...JSON.parse(e.detail), t: win.performance.now() });
    });
  }
};
window.recordTactfulEvents(document, window);
