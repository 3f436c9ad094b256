import { createServer, type Server } from 'node:http';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { attachNotes, type Notes } from '@/server/notes/server';
import { listenLocally } from './factories';

/**
 * The shared notes' server alone (no Next) on a loopback port, and Hocuspocus providers as any
 * Yjs editor would open them (`@hocuspocus/provider` over `ws`, with the browser's cookies when
 * given). The rich text is the XmlFragment `default`: paragraphs of text here.
 */
export async function startNotes(redisUrl?: string): Promise<{ http: Server; notes: Notes; url: string; close: () => Promise<void> }> {
  const http = createServer((_req, res) => res.writeHead(404).end());
  const notes = await attachNotes(http, { redisUrl });
  const url = (await listenLocally(http)).replace('http:', 'ws:');
  return {
    http,
    notes,
    url,
    close: async () => {
      await notes.close();
      http.closeAllConnections();
      await new Promise((r) => http.close(r));
    },
  };
}

export type Editor = { provider: HocuspocusProvider; socket: HocuspocusProviderWebsocket; doc: Y.Doc; outcome: Promise<string>; stateless: string[]; close: () => void };

/** A provider on `name`: `outcome` is `synced`, or the reason authentication failed. */
export function openEditor(url: string, name: string, opts: { token?: string; cookie?: string } = {}): Editor {
  const doc = new Y.Doc();
  const cookie = opts.cookie;
  const Socket = cookie
    ? class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers: { cookie } });
        }
      }
    : WebSocket;
  const stateless: string[] = [];
  const socket = new HocuspocusProviderWebsocket({ url: `${url}/api/notes`, WebSocketPolyfill: Socket, delay: 50, minDelay: 50, maxDelay: 500 });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token: opts.token ?? null, onStateless: ({ payload }) => void stateless.push(payload) });
  provider.attach();
  const outcome = new Promise<string>((resolve) => {
    provider.on('synced', () => resolve('synced'));
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => resolve(reason));
  });
  return {
    provider,
    socket,
    doc,
    outcome,
    stateless,
    close: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Appends a paragraph of text to the notes. */
export function writeParagraph(doc: Y.Doc, text: string) {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('default').push([paragraph]);
}

/** The notes' paragraphs, as text. */
export const paragraphs = (doc: Y.Doc) =>
  doc
    .getXmlFragment('default')
    .toArray()
    .map((p) => (p instanceof Y.XmlElement ? p.toArray().map((t) => (t instanceof Y.XmlText ? t.toString() : '')).join('') : ''));
