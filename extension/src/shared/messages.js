// Shapes of what crosses between the content scripts, the background and the
// extension pages (runtime.sendMessage / tabs.sendMessage), as JSDoc types.

/**
 * One finding from the engine; start/end are UTF-16 offsets into the text
 * that was checked, the unit DOM offsets use.
 * @typedef {{
 *   rule: string, category: string, severity: string,
 *   start: number, end: number, text: string,
 *   message: string, why: string, suggestions: string[],
 *   starter?: string, starter_at?: number
 * }} Finding
 * `starter`, on a finding with no suggestions, is a sentence with [gaps] to
 * insert at `starter_at` (the start of the finding's sentence).
 */

/**
 * One item of the reply-level checklist (HEARD: empathy, apology, ownership,
 * next step, timeline, empathy before explanation).
 * @typedef {{id: string, label: string, state: 'met' | 'weak' | 'missing' | 'n/a'}} ChecklistItem
 */

/**
 * @typedef {{type: 'check', text: string, excluded: Array<[number, number]>, audience?: string, draft: string}} CheckRequest
 * @typedef {{findings: Finding[], checklist?: ChecklistItem[], error?: string}} CheckResponse
 * @typedef {{type: 'validate', config: string}} ValidateRequest
 * @typedef {{path: string, message: string}} EngineError
 * @typedef {{errors: EngineError[]}} ValidateResponse
 * @typedef {{type: 'rules'}} RulesRequest
 * @typedef {{id: string, category: string, message: string}} RuleInfo
 * @typedef {{rules: RuleInfo[]}} RulesResponse
 * @typedef {{type: 'editor-focused'}} EditorFocused
 * @typedef {{type: 'focused-frame', tabId?: number}} FocusedFrameRequest
 * @typedef {{tabId: number, frameId: number} | null} FocusedFrameResponse
 * @typedef {CheckRequest | ValidateRequest | RulesRequest | EditorFocused | FocusedFrameRequest} BackgroundRequest
 */

/**
 * Sent by the background to every tab once settings that change findings
 * have been applied to the engine, and by the popup to one frame.
 * @typedef {{type: 'settings-applied'}} SettingsApplied
 * @typedef {{type: 'status'}} StatusRequest
 * @typedef {{
 *   hostname: string, enabled: boolean,
 *   counts: Record<string, number> | null, checklist: ChecklistItem[] | null,
 *   audience: string | null
 * }} StatusResponse
 * @typedef {SettingsApplied | StatusRequest} ContentRequest
 */

export {};
