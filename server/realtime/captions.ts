import { recentCaptionLines } from '@/db/queries/captions/lines';
import { captionSend, sessionRef } from '@/lib/realtime/protocol';
import { mayCaption, sendCaption } from '@/server/captions/send-caption';
import { type Commands, commandsOf } from './core';
import { access, assertReader } from './live';

/**
 * Live captions: a captioner's line goes to everyone in the session's room in one emit (Socket.IO
 * encodes it once for the room, whatever its size: server/captions/publish.ts); the running
 * transcript on request.
 */
export function registerCaptionCommands(commands: Commands) {
  const on = commandsOf(commands);

  // Stored and sent to the session's room by server/captions/publish.ts.
  on('caption:send', captionSend, async (input, socket) => sendCaption(await access(socket, input.sessionId), input));

  on('caption:history', sessionRef, async ({ sessionId }, socket) => {
    const a = await access(socket, sessionId);
    assertReader(a);
    return { lines: await recentCaptionLines(sessionId), canCaption: Boolean(a.actorKey) && mayCaption(a) };
  });
}
