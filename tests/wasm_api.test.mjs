// The WebAssembly API as the extension uses it: UTF-16 offsets, excluded
// ranges, configuration errors as values, and hostile strings from JS.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadTactful } from '../wasm/load.mjs';

let tactful;
before(async () => { tactful = await loadTactful(); });

function check(engine, text, options = {}) {
  return JSON.parse(engine.check(text, JSON.stringify(options)));
}

test('offsets are UTF-16 code units, so text.slice() finds the span', () => {
  const engine = new tactful.Engine('');
  const text = '😊 Hi 日本 team,\n\nWe’re sorry if the update broke things. Obviously not ideal.';
  const { findings } = check(engine, text);
  assert.ok(findings.length >= 2);
  for (const f of findings) assert.equal(text.slice(f.start, f.end), f.text);
  engine.delete();
});

test('utf8 offsets on request match the native CLI', () => {
  const engine = new tactful.Engine('');
  const text = '😊 We’re sorry if it broke.';
  const [f] = check(engine, text, { offsets: 'utf8' }).findings;
  assert.equal(Buffer.from(text).subarray(f.start, f.end).toString(), f.text);
  engine.delete();
});

test('excluded ranges (quote blocks the page knows about) are skipped', () => {
  const engine = new tactful.Engine('');
  const text = 'Done! 😊 You should have told me.';
  assert.equal(check(engine, text).findings.length, 1);
  assert.equal(check(engine, text, { excluded: [[9, text.length]] }).findings.length, 0);
  engine.delete();
});

test('the reply-level checklist comes with every check, in UTF-16 offsets', () => {
  const engine = new tactful.Engine('');
  const text = '😊 I understand how frustrating this is. We’re sorry if it broke, and we’ll get back to you.';
  const { checklist, findings } = check(engine, text);
  const state = Object.fromEntries(checklist.map((item) => [item.id, item.state]));
  assert.deepEqual(state, {
    'checklist.empathy': 'met',
    'checklist.apology': 'weak',
    'checklist.ownership': 'met',
    'checklist.next_step': 'met',
    'checklist.timeline': 'missing',
    'checklist.empathy_first': 'met',  // naming the frustration shows they are upset; empathy came first
  });
  const empathy = checklist.find((item) => item.id === 'checklist.empathy');
  assert.equal(text.slice(empathy.start, empathy.end), 'I understand');
  assert.ok(findings.some((f) => f.rule === 'checklist.timeline'));
  const off = new tactful.Engine(JSON.stringify({ disabled_rules: ['checklist.timeline'] }));
  assert.ok(!check(off, text).checklist.some((item) => item.id === 'checklist.timeline'));
  assert.ok(!check(off, text).findings.some((f) => f.rule === 'checklist.timeline'));
  off.delete();
  engine.delete();
});

test('configuration errors come back as values and the rest applies', () => {
  const engine = new tactful.Engine(JSON.stringify({
    glossary: [{ term: 'Zephyr queue', plain: 'our waiting list' }, { plain: 'no term' }],
    phrases: [{ pattern: '(oops', category: 'tone', message: 'm' }],
  }));
  const errors = JSON.parse(engine.errors());
  assert.deepEqual(errors.map((e) => e.path).sort(), ['config.glossary[1]', 'config.phrases[0].patterns']);
  const { findings } = check(engine, 'You are in the Zephyr queue.');
  assert.equal(findings[0].rule, 'org.glossary');
  assert.equal(new tactful.Engine('{not json').errors().includes('not valid JSON'), true);
  engine.delete();
});

test('bad check options are reported, not thrown', () => {
  const engine = new tactful.Engine('');
  assert.match(JSON.parse(engine.check('hi', '{"offsets": "bytes"}')).error, /offsets/);
  assert.match(JSON.parse(engine.check('hi', '{"excluded": [[1]]}')).error, /excluded/);
  assert.match(JSON.parse(engine.check('hi', '[')).error, /./);
  engine.delete();
});

test('lone UTF-16 surrogates count as U+FFFD and swallow nothing', () => {
  const engine = new tactful.Engine('');
  // Embind's own UTF-8 conversion would merge each lone surrogate with the
  // unit after it ("\uDC00C" became one character), hiding "Calm down" and
  // shifting offsets at the end of the text.
  for (const text of ['Fine.\uDC00Calm down, please.', '\uD800Calm down.\n\nWe are sorry if it broke.\uD83D',
                      'Obviously\uDBFF\nnot. You should have \uDFFFread it.\uDC00']) {
    const result = check(engine, text);
    assert.deepEqual(result, check(engine, text.toWellFormed()));
    assert.ok(result.findings.length > 0, text);
    for (const f of result.findings) assert.equal(text.toWellFormed().slice(f.start, f.end), f.text);
  }
  engine.delete();
});

test('hostile input: empty, NUL bytes, a huge paste, deep option nesting', () => {
  const engine = new tactful.Engine('');
  assert.deepEqual(check(engine, '').findings, []);
  const nul = 'Calm down.\0We are sorry if\0 it broke.';
  for (const f of check(engine, nul).findings) assert.equal(nul.slice(f.start, f.end), f.text);
  const big = 'We are sorry if it broke, calm down. '.repeat(300000);  // ~11 MB
  assert.ok(check(engine, big).findings.length > 1000);
  const deep = '{"excluded": ' + '['.repeat(100000) + ']'.repeat(100000) + '}';
  assert.match(JSON.parse(engine.check('hi', deep)).error, /nested more than 64 levels/);
  const deepConfig = new tactful.Engine('{"glossary": ' + '['.repeat(100000) + ']'.repeat(100000) + '}');
  assert.match(deepConfig.errors(), /nested more than 64 levels/);
  assert.ok(check(deepConfig, 'Calm down.').findings.length > 0);  // the defaults still apply
  deepConfig.delete();
  engine.delete();
});

test('rules() lists every rule with its message and why', () => {
  const engine = new tactful.Engine('');
  const rules = JSON.parse(engine.rules());
  assert.ok(rules.some((r) => r.id === 'apology.conditional' && r.why));
  engine.delete();
});

test('a named draft is re-checked incrementally with the same results as a full check', () => {
  const engine = new tactful.Engine('');
  let text = 'Hi Sam,\n\nWe’re sorry the parcel was late.\n\nThanks for waiting. 😊';
  const edits = [
    (t) => t.replace('Thanks for waiting.', 'However, couriers are busy.'),
    (t) => t.replace('late.', 'late. You should have ordered earlier.'),
    (t) => `${t}\n\nI’ve escalated it to L2 as a P2.`,
    (t) => t.replace('However, couriers are busy.', 'Thanks for waiting.'),
    (t) => t.slice(0, 20),
  ];
  for (const edit of edits) {
    text = edit(text);
    const incremental = check(engine, text, { draft: 'tab1:editor1' });
    assert.deepEqual(incremental, check(engine, text));
    // Another draft in the same engine keeps its own paragraphs.
    assert.deepEqual(check(engine, 'You should have read the FAQ.', { draft: 'tab2:editor1' }),
                     check(engine, 'You should have read the FAQ.'));
  }
  assert.equal(check(engine, text, { draft: 7 }).error, 'options.draft: must be a string');
  engine.delete();
});

test('audience per check: technical readers get no jargon findings; a bad audience is an error', () => {
  const engine = new tactful.Engine('');
  const text = 'I’ve escalated your ticket to L2 and the DNS records are fixed. You should have told us.';
  const categories = (options) => check(engine, text, options).findings.map((f) => f.category);
  assert.ok(categories({}).includes('jargon'));
  assert.ok(categories({ audience: 'internal' }).includes('jargon'));
  assert.deepEqual(categories({ audience: 'technical' }), ['blame']);
  assert.match(check(engine, text, { audience: 'pirates' }).error, /audience: must be customer, internal or technical/);
  engine.delete();
});

test('a finding with no fix in place carries a starter and where to insert it, in UTF-16 offsets', () => {
  const engine = new tactful.Engine('');
  const text = '😊 Hi! I’m afraid that’s company policy.';
  const wall = check(engine, text).findings.find((f) => f.rule === 'blame.policy_wall');
  assert.deepEqual(wall.suggestions, []);
  assert.match(wall.starter, /^This rule is there to \[/);
  assert.equal(text.slice(wall.starter_at), 'I’m afraid that’s company policy.');
  engine.delete();
});
