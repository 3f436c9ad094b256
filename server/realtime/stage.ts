import { roomOf, stagePin } from '@/lib/realtime/protocol';
import { pinOnStage } from '@/server/stage/pin-on-stage';
import { commandsOf, type Io, type ChemSocket } from './core';
import { access } from './live';

/** The stage's layout: a moderator's pin goes to everyone in the session at once. */
export function registerStageCommands(io: Io, socket: ChemSocket) {
  const on = commandsOf(socket);

  on('stage:pin', stagePin, async (input) => {
    const pin = await pinOnStage(await access(socket, input.sessionId), input.identity);
    io.to(roomOf(pin.sessionId)).emit('stage:pinned', pin);
    return pin;
  });
}
