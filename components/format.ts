/** Date and time formatting in an event's time zone (server and client): see lib/format.ts. */
export { formatDateRange, formatDay, formatShortDateTime, formatTime } from '@/lib/format';
