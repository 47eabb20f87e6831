// Test-page side of Tactful's debug signals (<html data-tactful-test>):
// records when the content script synced or drew, for tests to wait on.
window.tactfulEvents = [];
for (const name of ['drawn', 'synced', 'applied', 'site-off']) {
  document.addEventListener(`tactful:${name}`, (e) => {
    window.tactfulEvents.push({ name, ...JSON.parse(e.detail), t: performance.now() });
  });
}
