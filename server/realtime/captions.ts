import { recentCaptionLines } from '@/db/queries/captions/lines';
import { captionSend, roomOf, sessionRef } from '@/lib/realtime/protocol';
import { mayCaption, sendCaption } from '@/server/captions/send-caption';
import { type Commands, commandsOf, type Io } from './core';
import { access, assertReader } from './live';

/**
 * Live captions: a captioner's line goes to everyone in the session's room in one emit (Socket.IO
 * encodes it once for the room, whatever its size); the running transcript on request.
 */
export function registerCaptionCommands(io: Io, commands: Commands) {
  const on = commandsOf(commands);

  on('caption:send', captionSend, async (input, socket) => {
    const line = await sendCaption(await access(socket, input.sessionId), input);
    io.to(roomOf(line.sessionId)).emit('caption:line', line);
    return line;
  });

  on('caption:history', sessionRef, async ({ sessionId }, socket) => {
    const a = await access(socket, sessionId);
    assertReader(a);
    return { lines: await recentCaptionLines(sessionId), canCaption: Boolean(a.actorKey) && mayCaption(a) };
  });
}
