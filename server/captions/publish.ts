import { captionLineView, type NewCaptionLine, storeCaptionLine } from '@/db/queries/captions/lines';
import type { CaptionLine } from '@/lib/realtime/protocol';
import { realtimeHooks } from '@/server/realtime/hooks';

/**
 * The one place a line of live captions goes out, typed (server/captions/send-caption.ts) or
 * recognised (server/asr/worker.ts): a final line is stored (under its author's rate limit) then
 * sent to everyone in the session; a partial line (recognition under way) is only sent.
 */
export async function publishCaptionLine(line: NewCaptionLine, final = true): Promise<CaptionLine> {
  const out = final
    ? await storeCaptionLine(line)
    : captionLineView({ ...line, id: '', at: new Date(), final: false });
  realtimeHooks()?.caption(out);
  return out;
}
