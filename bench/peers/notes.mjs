// What each checker looks for, printed under the tables: the checkers do
// different jobs, so a faster time says nothing about catching the same things.
export const NOTES = `## They check different things

- **Tactful**: what breaks a customer's trust in a support reply: conditional and
  non-apologies ("we're sorry if", "sorry, but"), blame ("you should have"),
  policy used as a wall, condescending or hostile tone, internal jargon and
  acronyms for the reply's audience, the organization's glossary, and
  reply-level checks (an apology with no next step, a follow-up with no time),
  each with a one-line why and a fix. It does no spelling, grammar,
  passive-voice or inclusive-language checking.
- **harper.js** (default rules, American English): spelling against its
  dictionary, grammar (articles, agreement, "should of", confused words),
  capitalization, punctuation and spacing, repeated words, some wordiness and
  style. It carries an English dictionary and several hundred rules, which is
  most of its size. Nothing about support tone: no apology, blame, policy or
  audience-jargon checks.
- **write-good**: English style heuristics from word lists: passive voice,
  weasel words ("really", "just"), adverbs, wordy phrases, clichés, sentences
  starting with "so" or "there is", lexical illusions ("the the"). No
  suggestions for most, no tone or audience.
- **alex** (plain text): insensitive or inconsiderate wording (gendered,
  ableist, racial and other terms, profanity) with alternatives, through
  retext-equality and retext-profanities.

Findings counts are each checker's own and are not comparable across columns.
`;
