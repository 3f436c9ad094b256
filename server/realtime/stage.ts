import { roomOf, stagePin } from '@/lib/realtime/protocol';
import { pinOnStage } from '@/server/stage/pin-on-stage';
import { type Commands, commandsOf, type Io } from './core';
import { access } from './live';

/** The stage's layout: a moderator's pin goes to everyone in the session at once. */
export function registerStageCommands(io: Io, commands: Commands) {
  const on = commandsOf(commands);

  on('stage:pin', stagePin, async (input, socket) => {
    const pin = await pinOnStage(await access(socket, input.sessionId), input.identity);
    io.to(roomOf(pin.sessionId)).emit('stage:pinned', pin);
    return pin;
  });
}
