import { captionLineView, type NewCaptionLine, storeCaptionLine } from '@/db/queries/captions/lines';
import type { CaptionLine } from '@/lib/realtime/protocol';
import { captionToComposite } from '@/server/media/layout';
import { realtimeHooks } from '@/server/realtime/hooks';

/**
 * The one place a line of live captions goes out, typed (server/captions/send-caption.ts) or
 * recognised (server/asr/worker.ts): a final line is stored (under its author's rate limit) then
 * sent to everyone in the session (and into the video room, for the composite egress records and
 * streams); a partial line (recognition under way) is only sent.
 */
export async function publishCaptionLine(line: NewCaptionLine, final = true): Promise<CaptionLine> {
  const out = final
    ? await storeCaptionLine(line)
    : captionLineView({ ...line, id: '', at: new Date(), final: false });
  realtimeHooks()?.caption(out);
  void captionToComposite(out);
  return out;
}
