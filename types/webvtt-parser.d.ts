// webvtt-parser ships JavaScript without type declarations: the parser Chemins calls to check
// captions (lib/domain/captions.ts), typed as far as it is read.

declare module 'webvtt-parser' {
  export type WebVttCue = { id: string; startTime: number; endTime: number; text: string };
  export type WebVttError = { message: string; line: number; col?: number };
  export class WebVTTParser {
    constructor(entities?: Record<string, string>);
    parse(input: string, mode?: 'metadata' | 'chapters'): { cues: WebVttCue[]; errors: WebVttError[]; styles: unknown[] };
  }
  // CommonJS whose exports Node cannot name statically: import the default (module.exports).
  const exported: { WebVTTParser: typeof WebVTTParser };
  export default exported;
}
