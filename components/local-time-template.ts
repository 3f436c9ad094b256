import { getTranslations } from 'next-intl/server';

/**
 * The text `<LocalTime>` fills in the browser (`{time}`, `{zone}` left for it), in the reader's
 * language: the pages that show it carry no catalogue to the browser, so the server gives it.
 */
export async function localTimeTemplate(): Promise<string> {
  return (await getTranslations('liveNow'))('localTime', { time: '{time}', zone: '{zone}' });
}
