// A draft of ?words=N words (5,000 by default) for the latency benchmark, and the page-side probes:
// keydown times, Tactful's debug signals, and a requestAnimationFrame poll
// of CSS.highlights that sees when underlines change.
const SENTENCES = [
  'Thanks for getting in touch about your order.',
  'I have looked into the delivery and the parcel is with the courier now.',
  "We're sorry if the tracking page was confusing.",
  'The refund will show on your statement within five working days.',
  'You should have received a confirmation email by now.',
  'If anything else comes up, just reply to this message and I will pick it up.',
  'Our team checked the account settings and everything looks correct.',
  'I escalated this to L2 so they can look at the sync logs.',
  'Please try signing out and back in once the update has finished.',
  'Let me know how it goes and I will follow up on Friday.',
];
const editor = document.getElementById('editor');
const target = Number(new URLSearchParams(location.search).get('words') ?? 5000);
let words = 0;
let i = 0;
while (words < target) {
  const p = document.createElement('p');
  const parts = [];
  for (let k = 0; k < 5; k++, i++) parts.push(SENTENCES[i % SENTENCES.length]);
  p.textContent = parts.join(' ');
  words += p.textContent.split(/\s+/).length;
  editor.append(p);
}
document.documentElement.dataset.words = String(words);

window.bench = { keydowns: [], synced: [], drawn: [], underlines: [] };
document.addEventListener('keydown', (e) => window.bench.keydowns.push(e.timeStamp), true);
document.addEventListener('tactful:synced', (e) => window.bench.synced.push({ t: performance.now(), ...JSON.parse(e.detail) }));
document.addEventListener('tactful:drawn', (e) => window.bench.drawn.push({ t: performance.now(), ...JSON.parse(e.detail) }));
let last = -1;
(function poll() {
  let n = 0;
  for (const [name, h] of CSS.highlights) if (name.startsWith('tactful-') && name !== 'tactful-active') n += h.size;
  if (n !== last) {
    window.bench.underlines.push({ t: performance.now(), n });
    last = n;
  }
  requestAnimationFrame(poll);
})();
