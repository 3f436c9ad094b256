'use client';

import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { EditorContent, type Editor, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { notesDocumentName } from '@/lib/domain/notes';
import { caretUser, notesSocketUrl } from './caret';

/** What the pad tells its reader (announced in a polite live region). */
export type NotesStatus = 'connecting' | 'connected' | 'saving' | 'saved' | 'readOnly' | 'locked' | 'offline' | 'refused';

type Props = {
  sessionId: string;
  /** The Yjs document: `session:{sessionId}` (default) or a breakout group's `session:{sessionId}:group:{groupId}`. */
  documentName?: string;
  /** The writer's name on their caret (a guest's as the live rooms show it: « Camille (invité·e 1a2b) »). */
  userName: string;
  /** Locked by a moderator when the page was rendered (the server tells every change: `{"type":"notes:locked","locked":…}`). */
  locked?: boolean;
  /** Writes while the notes are unlocked (the live rooms' writers), as the page found; the server decides. */
  mayWrite?: boolean;
  /** Writes even when the notes are locked. */
  moderator?: boolean;
  /** Called with every change of status (the notes panel shows the lock to moderators). */
  onStatus?: (status: NotesStatus) => void;
};

type Connection = {
  provider: HocuspocusProvider | null;
  socket: WebSocketStatus;
  synced: boolean;
  /** Changes sent and not yet acknowledged by the server. */
  unsynced: number;
  scope: 'read-write' | 'readonly' | null;
  refused: boolean;
  /** What the server last said of the lock (`{"type":"notes:locked","locked":…,"readOnly":…}`, a stateless message), if anything. */
  lockedSaid: boolean | null;
  /** … and whether this connection reads only (the server's own decision), if it said so. */
  readOnlySaid: boolean | null;
};

const idle: Connection = { provider: null, socket: WebSocketStatus.Connecting, synced: false, unsynced: 0, scope: null, refused: false, lockedSaid: null, readOnlySaid: null };

/**
 * One document's connection as an external store (`useSyncExternalStore`): the provider is made
 * when the first reader subscribes and destroyed when the last one leaves. Same origin: the
 * upgrade request's cookies (sign-in, personal link, guest) say who writes, so no token is needed
 * (`POST …/notes/token` is for other clients).
 */
function notesConnection(name: string) {
  let state = idle;
  const listeners = new Set<() => void>();
  const set = (patch: Partial<Connection>) => {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  };
  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      if (!state.provider) {
        const provider = new HocuspocusProvider({
          url: notesSocketUrl(window.location),
          name,
          token: null,
          onStatus: ({ status }) => set({ socket: status }),
          onSynced: ({ state: synced }) => set({ synced }),
          onUnsyncedChanges: ({ number }) => set({ unsynced: number }),
          onAuthenticated: ({ scope }) => set({ scope, refused: false }),
          onAuthenticationFailed: () => set({ refused: true }),
          onStateless: ({ payload }) => {
            try {
              const said = JSON.parse(payload) as { type?: unknown; locked?: unknown; readOnly?: unknown };
              if (said.type === 'notes:locked' && typeof said.locked === 'boolean')
                set({ lockedSaid: said.locked, readOnlySaid: typeof said.readOnly === 'boolean' ? said.readOnly : null });
            } catch {
              // Not ours: ignored.
            }
          },
        });
        set({ provider });
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          state.provider?.destroy();
          state = idle;
        }
      };
    },
    snapshot: () => state,
  };
}

const serverSnapshot = () => idle;

/**
 * The shared notes' editor: Tiptap over a Yjs document synchronised by Hocuspocus at `/api/notes`
 * on this host, each writer's caret with their name. Who may write is the server's decision (the
 * connection's scope); a read-only connection gets a pad that does not change. Reusable for a
 * breakout group's notes through `documentName`.
 */
export function NotesEditor({ sessionId, documentName, userName, locked = false, mayWrite = false, moderator = false, onStatus }: Props) {
  const name = documentName ?? notesDocumentName(sessionId);
  const store = useMemo(() => notesConnection(name), [name]);
  const connection = useSyncExternalStore(store.subscribe, store.snapshot, serverSnapshot);
  if (!connection.provider) return <NotesStatusLine status="connecting" />;
  return (
    <NotesPad key={name} provider={connection.provider} connection={connection} userName={userName} rights={{ locked, mayWrite, moderator }} onStatus={onStatus} />
  );
}

function NotesPad({
  provider,
  connection,
  userName,
  rights,
  onStatus,
}: {
  provider: HocuspocusProvider;
  connection: Connection;
  userName: string;
  rights: { locked: boolean; mayWrite: boolean; moderator: boolean };
  onStatus?: (s: NotesStatus) => void;
}) {
  const t = useTranslations('notes');
  const { socket, synced, unsynced, scope, refused } = connection;
  const [edited, setEdited] = useState(false);
  const lockedNow = connection.lockedSaid ?? rights.locked;
  // The scope is decided once, at the connection; a lock or unlock later comes as a stateless message.
  const writable =
    !refused &&
    (connection.readOnlySaid !== null
      ? !connection.readOnlySaid
      : connection.lockedSaid === null
        ? scope === 'read-write'
        : rights.moderator || (rights.mayWrite && !connection.lockedSaid));
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: false,
      // "Saved" once this writer changed something (not for what others write: y-sync's own transactions).
      onUpdate: ({ transaction }) => {
        if (!transaction.getMeta('y-sync$')) setEdited(true);
      },
      extensions: [
        // Collaboration keeps the history (undo stays each writer's own).
        StarterKit.configure({ undoRedo: false, link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] } }),
        TaskList,
        TaskItem.configure({ nested: true }),
        Collaboration.configure({ document: provider.document, field: 'default' }),
        CollaborationCaret.configure({ provider, user: caretUser(userName, t('someone')) }),
      ],
      editorProps: {
        attributes: {
          class: 'notes-content min-h-48 rounded-b border border-stone-300 bg-white p-3 focus:outline-2 focus:outline-brand',
          'aria-label': t('padLabel'),
          'aria-multiline': 'true',
          role: 'textbox',
          'data-testid': 'notes-pad',
        },
      },
    },
    [provider],
  );
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.setEditable(writable && synced);
  }, [editor, writable, synced]);

  const status: NotesStatus =
    socket === WebSocketStatus.Disconnected
      ? refused
        ? 'refused'
        : 'offline'
      : !synced || scope === null
        ? 'connecting'
        : !writable
          ? lockedNow && rights.mayWrite
            ? 'locked'
            : 'readOnly'
          : unsynced > 0
            ? 'saving'
            : edited
              ? 'saved'
              : 'connected';
  useEffect(() => onStatus?.(status), [status, onStatus]);

  return (
    <div className="flex min-w-0 flex-col" data-testid="notes-editor" data-status={status} data-writable={writable && synced ? 'true' : 'false'}>
      {writable && editor && <NotesToolbar editor={editor} />}
      <EditorContent editor={editor} className="min-w-0 break-words" />
      <NotesStatusLine status={status} />
    </div>
  );
}

/** The pad's state, announced politely (role="status"). */
export function NotesStatusLine({ status }: { status: NotesStatus }) {
  const t = useTranslations('notes');
  return (
    <p role="status" className="mt-1 text-sm text-stone-600" data-testid="notes-status">
      {t(`status.${status}`)}
    </p>
  );
}

const button =
  'min-h-9 min-w-9 rounded px-2 py-1 text-sm text-stone-800 hover:bg-stone-100 aria-pressed:bg-brand-soft aria-pressed:font-semibold aria-pressed:text-brand';

/** Headings, lists, checkboxes, links, bold and italic: buttons that say whether they are on (aria-pressed). */
function NotesToolbar({ editor }: { editor: Editor }) {
  const t = useTranslations('notes.toolbar');
  const linkId = useId();
  const [linking, setLinking] = useState(false);
  const [href, setHref] = useState('');
  const on = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      heading: e.isActive('heading', { level: 2 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      taskList: e.isActive('taskList'),
      link: e.isActive('link'),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
    }),
  });
  const chain = () => editor.chain().focus();
  const tools: { key: keyof typeof on; label: string; mark: string; run: () => void }[] = [
    { key: 'heading', label: t('heading'), mark: 'H', run: () => chain().toggleHeading({ level: 2 }).run() },
    { key: 'bulletList', label: t('bulletList'), mark: '•', run: () => chain().toggleBulletList().run() },
    { key: 'orderedList', label: t('orderedList'), mark: '1.', run: () => chain().toggleOrderedList().run() },
    { key: 'taskList', label: t('taskList'), mark: '☑', run: () => chain().toggleTaskList().run() },
    { key: 'bold', label: t('bold'), mark: 'B', run: () => chain().toggleBold().run() },
    { key: 'italic', label: t('italic'), mark: 'I', run: () => chain().toggleItalic().run() },
  ];
  const applyLink = (e: React.FormEvent) => {
    e.preventDefault();
    const url = href.trim();
    if (url) chain().extendMarkRange('link').setLink({ href: /^(https?:|mailto:)/i.test(url) ? url : `https://${url}` }).run();
    else chain().extendMarkRange('link').unsetLink().run();
    setLinking(false);
  };
  return (
    <div className="rounded-t border border-b-0 border-stone-300 bg-stone-50 p-1">
      <div role="toolbar" aria-label={t('label')} className="flex flex-wrap gap-1">
        {tools.map((tool) => (
          <button key={tool.key} type="button" className={button} aria-pressed={on?.[tool.key] ?? false} title={tool.label} onClick={tool.run}>
            <span aria-hidden className={tool.key === 'bold' ? 'font-bold' : tool.key === 'italic' ? 'italic' : undefined}>
              {tool.mark}
            </span>
            <span className="sr-only">{tool.label}</span>
          </button>
        ))}
        <button
          type="button"
          className={button}
          aria-pressed={on?.link ?? false}
          aria-expanded={linking}
          aria-controls={linkId}
          title={t('link')}
          onClick={() => {
            setHref((editor.getAttributes('link').href as string | undefined) ?? '');
            setLinking((v) => !v);
          }}
        >
          <svg aria-hidden viewBox="0 0 24 24" className="inline h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
            <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
          </svg>
          <span className="sr-only">{t('link')}</span>
        </button>
      </div>
      {linking && (
        <form id={linkId} onSubmit={applyLink} className="mt-1 flex flex-wrap items-end gap-2 p-1">
          <label className="flex min-w-0 flex-1 flex-col text-sm">
            {t('linkAddress')}
            <input type="text" inputMode="url" value={href} onChange={(e) => setHref(e.target.value)} className="min-w-0 rounded border border-stone-300 px-2 py-1" autoFocus />
          </label>
          <button type="submit" className="rounded bg-brand px-3 py-1 text-sm text-white">
            {t('linkApply')}
          </button>
          <button type="button" className="rounded px-3 py-1 text-sm underline" onClick={() => setLinking(false)}>
            {t('linkCancel')}
          </button>
        </form>
      )}
    </div>
  );
}
