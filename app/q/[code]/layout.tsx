import ClientMessages from '@/components/ClientMessages';

/** The room's entry form translates in the browser: the catalogue comes with this page (components/ClientMessages.tsx). */
export default function RoomEntryLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages>{children}</ClientMessages>;
}
