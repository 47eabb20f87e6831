// The Emscripten glue (build/wasm/tactful.mjs), aliased by build.mjs.
declare module 'tactful-wasm' {
  interface TactfulEngine {
    errors(): string;
    check(text: string, optionsJson: string): string;
    rules(): string;
    delete(): void;
  }
  interface TactfulModule {
    Engine: new (configJson: string) => TactfulEngine;
  }
  interface ModuleArgs {
    wasmBinary: ArrayBuffer | Uint8Array;
    locateFile?: (path: string) => string;
    print?: (text: string) => void;
    printErr?: (text: string) => void;
  }
  export type { TactfulEngine, TactfulModule };
  export default function createTactful(args: ModuleArgs): Promise<TactfulModule>;
}
