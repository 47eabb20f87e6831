// The policy layer (extension/src/shared/policy.js) without a browser: how
// a managed configuration is checked item by item, and the precedence
// table of docs/deploy.md row by row.
import {
  LIST_LIMITS, applyPolicy, emptyPolicy, parsePolicy, policyKeyForEnginePath, siteEnabled,
} from '../extension/src/shared/policy.js';
import { defaultSettings } from '../extension/src/shared/settings.js';
import { assert, assertEqual } from './lib/harness.mjs';

/** @typedef {import('../extension/src/shared/policy.js').PolicyError} PolicyError */

/** @param {PolicyError[]} errors */
const keys = (errors) => errors.map((e) => e.key);

/** @param {object} user @param {object} raw */
const effective = (user, raw) => applyPolicy({ ...defaultSettings(), ...user }, parsePolicy(raw).policy);

/** @type {Array<[string, () => void]>} */
export const POLICY_CHECKS = [
  ['policy: wrong JSON types are skipped item by item, and the rest applies (Firefox passes them unchecked)', () => {
    const { policy, errors } = parsePolicy({
      audience: 3,
      categories: { blame: 'no', tone: false },
      glossary: [{ term: 5, plain: 'x' }, 'CSAT', { term: 'CSAT', plain: 'satisfaction score' }],
      phrases: [{ pattern: 'x', category: 'tone', message: 'm', suggestions: 'not a list' }, { pattern: 'y', category: 'tone', message: 'm' }],
      disabledRules: ['tone.shouting', 7],
      blockedSites: 'payroll.example.com',
      supportContact: { name: 'Desk', email: 5 },
      checkInternalNotes: 'no',
    });
    assertEqual(keys(errors).sort(), [
      'audience', 'blockedSites', 'categories.blame', 'checkInternalNotes', 'disabledRules[1]', 'glossary[0].term',
      'glossary[1]', 'phrases[0].suggestions', 'supportContact.email',
    ], 'rejected keys');
    assertEqual(policy.checkInternalNotes, null, 'internal notes: not decided by a value that is not a boolean');
    assertEqual(policy.audience, null, 'audience');
    assertEqual(policy.categories, { tone: false }, 'categories');
    assertEqual(policy.glossary, [{ term: 'CSAT', plain: 'satisfaction score' }], 'glossary');
    assertEqual(policy.phrases.map((p) => p.pattern), ['y'], 'phrases');
    assertEqual(policy.disabledRules, ['tone.shouting'], 'disabled rules');
    assertEqual(policy.blockedSites, [], 'blocked sites');
    assertEqual(policy.supportContact, { name: 'Desk' }, 'support contact');
  }],

  ['policy: checkInternalNotes is decided only by true or false', () => {
    for (const value of [true, false]) {
      const { policy, errors } = parsePolicy({ checkInternalNotes: value });
      assertEqual([policy.checkInternalNotes, errors], [value, []], `checkInternalNotes ${value}`);
    }
    assertEqual(parsePolicy({}).policy.checkInternalNotes, null, 'no policy value');
  }],

  ['policy: an oversized list keeps its first items and says so', () => {
    const many = Array.from({ length: LIST_LIMITS.glossary + 5 }, (_, i) => ({ term: `term${i}`, plain: 'plain' }));
    const { policy, errors } = parsePolicy({ glossary: many });
    assertEqual(policy.glossary.length, LIST_LIMITS.glossary, 'glossary entries kept');
    assertEqual(errors, [{ key: 'glossary', message: `has ${many.length} items; only the first ${LIST_LIMITS.glossary} are used` }], 'errors');
  }],

  ['policy: unknown keys, lock names and contact fields are reported; a valid policy has no errors', () => {
    const { policy, errors } = parsePolicy({
      colour: 'teal', lockedSettings: ['audience', 'colour'], supportContact: { url: 'javascript:alert(1)', phone: '1' },
    });
    assertEqual(keys(errors).sort(), ['colour', 'lockedSettings[1]', 'supportContact.phone', 'supportContact.url'], 'rejected keys');
    assertEqual(policy.locked, ['audience'], 'locked');
    assertEqual(policy.supportContact, null, 'support contact with nothing valid');
    assertEqual(parsePolicy({}).errors, [], 'errors for an empty policy');
    assertEqual(keys(parsePolicy('audience=internal').errors), ['policy'], 'a policy that is not an object');
  }],

  ['policy: site entries are host names that cover their subdomains; block wins over allow, allow over the user', () => {
    const { policy, errors } = parsePolicy({
      allowedSites: ['Help.Example.com', '*.zendesk.com', 'https://mail.google.com/', 'a b'],
      blockedSites: ['secret.help.example.com'],
    });
    assertEqual(policy.allowedSites, ['help.example.com', 'zendesk.com'], 'allowed sites');
    assertEqual(keys(errors), ['allowedSites[2]', 'allowedSites[3]'], 'rejected entries');
    const s = applyPolicy({ ...defaultSettings(), disabledSites: ['acme.zendesk.com'] }, policy);
    /** @type {Array<[string, boolean]>} */
    const expected = [
      ['help.example.com', true], ['eu.help.example.com', true], ['zendesk.com', true], ['other.zendesk.com', true],
      ['acme.zendesk.com', false], ['secret.help.example.com', false], ['x.secret.help.example.com', false],
      ['example.com', false], ['notzendesk.com', false], ['', false],
    ];
    for (const [host, on] of expected) assertEqual(siteEnabled(s, host), on, `Tactful on ${host || '(no host)'}`);
    for (const empty of [[], ['https://x.example/'], 'x.example']) {
      const parsed = parsePolicy({ allowedSites: empty });
      assertEqual(parsed.policy.allowedSites, null, `allow list from ${JSON.stringify(empty)}`);
      assert(keys(parsed.errors).includes('allowedSites'), `no error for allowedSites ${JSON.stringify(empty)}`);
    }
    const blockOnly = applyPolicy(defaultSettings(), parsePolicy({ blockedSites: ['secret.example.com'] }).policy);
    assertEqual([siteEnabled(blockOnly, 'example.com'), siteEnabled(blockOnly, 'secret.example.com')], [true, false], 'block list alone');
    assertEqual(siteEnabled(applyPolicy(defaultSettings(), emptyPolicy()), 'example.com'), true, 'no policy');
  }],

  ['policy: precedence is policy, then the user, then the default, key by key (docs/deploy.md)', () => {
    const user = {
      categories: { ...defaultSettings().categories, tone: false, jargon: false },
      audience: 'internal',
      glossary: [{ term: 'csat', plain: 'my words' }, { term: 'ETA', plain: 'expected time' }],
      phrases: [{ pattern: 'mine', category: 'tone', message: 'm' }],
      ignoredRules: ['blame.should_have'],
      siteIgnoredRules: { 'a.example': ['tone.hostile'] },
      disabledSites: ['b.example'],
    };
    const org = {
      categories: { jargon: true, blame: false },
      glossary: [{ term: 'CSAT', plain: 'satisfaction score' }],
      phrases: [{ pattern: 'org', category: 'tone', message: 'o' }],
      disabledRules: ['tone.shouting'],
    };
    // Not locked: the policy's values win where it has them, the user's own list items are added.
    const open = effective(user, org);
    assertEqual(open.categories, { apology: true, blame: false, jargon: true, tone: false, structure: true }, 'categories');
    assertEqual(open.audience, 'internal', 'audience (not set by the policy)');
    assertEqual(open.glossary.map((g) => g.plain), ['satisfaction score', 'expected time'], 'glossary: the organization wins a term');
    assertEqual(open.phrases.map((p) => p.pattern), ['org', 'mine'], 'phrases');
    assertEqual(open.ignoredRules, ['tone.shouting', 'blame.should_have'], 'ignored rules');
    assertEqual([open.siteIgnoredRules, open.disabledSites], [user.siteIgnoredRules, user.disabledSites], 'per-site settings');
    assertEqual(effective(user, { ...org, audience: 'customer' }).audience, 'customer', 'audience set by the policy');
    assertEqual(effective(user, { ...org, audience: 'technical' }).audience, 'technical', 'a technical audience');
    assertEqual(effective(user, { ...org, audience: 'pirates' }).audience, 'internal', 'an unknown audience is skipped');
    // Locked: the user's values are not used; what the policy does not set falls back to the default.
    const locked = effective(user, {
      ...org, lockedSettings: ['categories', 'audience', 'glossary', 'phrases', 'disabledRules', 'blockedSites'],
    });
    assertEqual(locked.categories, { apology: true, blame: false, jargon: true, tone: true, structure: true }, 'locked categories');
    assertEqual(locked.audience, 'customer', 'locked audience');
    assertEqual(locked.glossary.map((g) => g.plain), ['satisfaction score'], 'locked glossary');
    assertEqual(locked.phrases.map((p) => p.pattern), ['org'], 'locked phrases');
    assertEqual(locked.ignoredRules, ['tone.shouting'], 'locked rules');
    assertEqual([locked.siteIgnoredRules, locked.disabledSites], [{}, []], 'locked per-site settings');
    // No policy: the user's settings as they are.
    const { policy, ...none } = effective(user, {});
    assertEqual(none, { ...defaultSettings(), ...user }, 'without a policy');
  }],

  ['policy: engine errors on the policy name the policy item they are about', () => {
    const { sources } = parsePolicy({
      glossary: [{ term: 'ok', plain: 'fine' }],
      phrases: [{ pattern: '' }, { pattern: '(x', category: 'tone', message: 'm' }],
    });
    assertEqual(policyKeyForEnginePath('config.phrases[0].patterns', sources), 'phrases[1].pattern', 'phrase pattern');
    assertEqual(policyKeyForEnginePath('config.glossary[0].note', sources), 'glossary[0].why', 'glossary explanation');
    assertEqual(policyKeyForEnginePath('config.disabled_rules', sources), 'disabledRules', 'disabled rules');
  }],
];
