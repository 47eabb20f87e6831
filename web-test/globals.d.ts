// What the test pages (web-test/pages/*.js) put on window, as the tests
// read it through page.evaluate.
interface TactfulEvent { name: string; t: number; version?: number; count?: number; checkMs?: number }
interface Window {
  tactfulEvents: TactfulEvent[];
  recordTactfulEvents: (doc: Document, win: Window) => void;
  editorModel: string;
  mutations: string[];
  /** web-test/pages/hostile.js: the attacks, and readers that kept the page's original builtins. */
  hostile: {
    calls: number; drawn: number; lastDrawn: string; synced: number; foreignMessages: number; clobbered: string;
    runtime: string;
    underlines(): string;
    box(id: string): { x: number; y: number; width: number; height: number };
    text(id: string): string;
    impersonate(extensionId: string): Promise<string>;
    clobber(which: 'prototypes' | 'globals'): void;
  };
  // Editor fixtures (web-test/editors/fixture.js).
  editorModelText: () => string;
  /** The text exactly as the editor's API hands it out. */
  editorRawText: () => string;
  /** The editor's own selection as offsets into its text. */
  editorSelection: () => { start: number; end: number } | null;
  editorMutations: string[];
  longFrames: Array<{ duration: number; scripts: Array<{ url: string; duration: number }> }> | null;
  bench: {
    keydowns: number[];
    synced: TactfulEvent[];
    drawn: TactfulEvent[];
    underlines: Array<{ t: number; n: number }>;
  };
}
